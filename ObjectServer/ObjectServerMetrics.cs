using System.Diagnostics.Metrics;
using CloudFs.Common.Hosting.Metrics;
using CloudFs.ObjectServer.Auditing;
using CloudFs.ObjectServer.Collection;
using CloudFs.ObjectServer.Replication;

namespace CloudFs.ObjectServer;

/// <summary>
/// The object server's daemons in /metrics, read from the counters /recon already keeps:
/// replication and auditor progress since start, and blobs the garbage collector removed.
/// </summary>
public sealed class ObjectServerMetrics : IMetricSet
{
    public ObjectServerMetrics(IMeterFactory meters, ReplicationStats replication, AuditStats audit, GarbageCollector garbage)
    {
        var meter = meters.Create("CloudFs.ObjectServer");

        meter.CreateObservableCounter("cloudfs.replication.passes", () => replication.Report().Passes, "{pass}", "Replication passes finished.");
        meter.CreateObservableCounter("cloudfs.replication.partitions", () => replication.Report().Totals.PartitionsChecked,
            "{partition}", "Partitions the replicator checked.");
        meter.CreateObservableCounter("cloudfs.replication.pushed", () =>
        {
            var totals = replication.Report().Totals;
            return new[]
            {
                new Measurement<long>(totals.BlobsPushed, new KeyValuePair<string, object?>("kind", "blob")),
                new Measurement<long>(totals.TombstonesPushed, new KeyValuePair<string, object?>("kind", "tombstone")),
                new Measurement<long>(totals.HandedOff, new KeyValuePair<string, object?>("kind", "handoff")),
            };
        }, "{entry}", "Entries the replicator pushed to other replicas (blobs, tombstones, handoffs sent home).");
        meter.CreateObservableCounter("cloudfs.replication.pushed.bytes", () => replication.Report().Totals.BytesPushed, "By", "Blob bytes the replicator pushed.");
        meter.CreateObservableCounter("cloudfs.replication.failures", () => replication.Report().Totals.Failures, "{failure}",
            "Replication pushes that failed (peer unreachable or refusing).");
        meter.CreateObservableGauge("cloudfs.replication.last_pass.duration", () => replication.Report().LastPass?.DurationSeconds ?? 0, "s",
            "How long the last finished replication pass took (0 before the first).");
        meter.CreateObservableGauge("cloudfs.replication.last_pass.end", () => replication.Report().LastPass?.End ?? 0, "s",
            "When the last replication pass ended, Unix seconds (0 before the first): a stalled replicator stops moving it.");

        meter.CreateObservableCounter("cloudfs.auditor.passes", () => audit.Snapshot().Totals.PassesCompleted, "{pass}", "Audit passes finished.");
        meter.CreateObservableCounter("cloudfs.auditor.checked", () => audit.Snapshot().Totals.BlobsChecked, "{blob}", "Blobs the auditor read and checked.");
        meter.CreateObservableCounter("cloudfs.auditor.checked.bytes", () => audit.Snapshot().Totals.BytesRead, "By", "Bytes the auditor read.");
        meter.CreateObservableCounter("cloudfs.auditor.quarantined", () => audit.Snapshot().Totals.Quarantined, "{blob}", "Blobs the auditor found bad and quarantined.");
        meter.CreateObservableCounter("cloudfs.auditor.errors", () => audit.Snapshot().Totals.Errors, "{error}", "Blobs the auditor could not check.");

        meter.CreateObservableCounter("cloudfs.garbage.collected", () => garbage.Collected, "{blob}",
            "Local blob copies the garbage collector deleted since start.");
    }
}
