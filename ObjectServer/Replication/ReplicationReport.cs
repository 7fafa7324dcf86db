using System.Text.Json.Serialization;

namespace CloudFs.ObjectServer.Replication;

/// <summary>/recon/replication: passes finished, the last one, the one running, totals since start.</summary>
public sealed record ReplicationReport(
    [property: JsonPropertyName("passes")] long Passes,
    [property: JsonPropertyName("last_pass")] PassReport? LastPass,
    [property: JsonPropertyName("current_pass")] PassReport? CurrentPass,
    [property: JsonPropertyName("totals")] PassCounters Totals);

/// <summary>One pass: when it ran, in Unix seconds as Swift's recon and /recon/auditor give them (end is null while it runs), and what it did.</summary>
public sealed record PassReport(
    [property: JsonPropertyName("start")] double Start,
    [property: JsonPropertyName("end")] double? End,
    [property: JsonPropertyName("duration_seconds")] double DurationSeconds,
    [property: JsonPropertyName("stats")] PassCounters Stats);

/// <summary>
/// The counts of a pass: partitions planned and checked, blobs (and their bytes) and tombstones
/// pushed to other replicas, entries handed off home and removed here, tombstones reclaimed, and
/// failures (a peer that could not be reached or refused a push).
/// </summary>
public sealed record PassCounters(
    [property: JsonPropertyName("partitions_planned")] long PartitionsPlanned,
    [property: JsonPropertyName("partitions_checked")] long PartitionsChecked,
    [property: JsonPropertyName("blobs_pushed")] long BlobsPushed,
    [property: JsonPropertyName("bytes_pushed")] long BytesPushed,
    [property: JsonPropertyName("tombstones_pushed")] long TombstonesPushed,
    [property: JsonPropertyName("handed_off")] long HandedOff,
    [property: JsonPropertyName("reclaimed")] long Reclaimed,
    [property: JsonPropertyName("failures")] long Failures);
