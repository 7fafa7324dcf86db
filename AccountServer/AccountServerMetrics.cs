using System.Diagnostics.Metrics;
using CloudFs.AccountServer.Core;
using CloudFs.AccountServer.Journal;
using CloudFs.Common.Hosting.Metrics;

namespace CloudFs.AccountServer;

/// <summary>The account server's backlogs in /metrics: the commit journal, open reservations, the garbage queue.</summary>
public sealed class AccountServerMetrics : IMetricSet
{
    public AccountServerMetrics(IMeterFactory meters, CommitJournal journal, CatalogBacklog backlog)
    {
        var meter = meters.Create("CloudFs.AccountServer");
        meter.CreateObservableGauge("cloudfs.journal.pending", () => journal.Count, "{entry}",
            "Commits journaled while the database was unreachable, waiting to be replayed.");
        meter.CreateObservableCounter("cloudfs.journal.corrupt_lines", () => journal.CorruptLines, "{line}",
            "Journal lines set aside as unreadable.");
        meter.CreateObservableGauge("cloudfs.catalog.reservations", () => backlog.Reservations, "{reservation}",
            "Quota reservations held for uploads in flight (-1 until first counted).");
        meter.CreateObservableGauge("cloudfs.catalog.garbage", () => backlog.Garbage, "{blob}",
            "Rows in the garbage queue (-1 until first counted).");
    }
}
