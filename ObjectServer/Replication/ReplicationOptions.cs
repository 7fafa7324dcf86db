namespace CloudFs.ObjectServer.Replication;

/// <summary>The <c>ObjectServer:Replication</c> section: how often and how hard the replicator works.</summary>
public sealed class ReplicationOptions
{
    public const string Section = "ObjectServer:Replication";

    /// <summary>Seconds from the end of one pass to the start of the next; 0 turns the replicator off.</summary>
    public int IntervalSeconds { get; set; } = 30;

    /// <summary>replication_stalled fires when no pass has finished for this long (since start, before the first), in seconds.</summary>
    public int StalledSeconds { get; set; } = 3600;

    /// <summary>Partitions replicated at the same time.</summary>
    public int Concurrency { get; set; } = 2;

    /// <summary>Cap on the bytes pushed per second by the whole replicator; 0: no cap.</summary>
    public long BytesPerSecond { get; set; }

    /// <summary>
    /// Age after which a tombstone is removed (Swift's reclaim_age, a week). A replica that was away
    /// longer than this may bring a deleted blob back, so keep it above the longest outage.
    /// </summary>
    public int ReclaimAgeSeconds { get; set; } = 7 * 24 * 3600;
}
