namespace CloudFs.AccountServer.Fsck;

/// <summary>What one fsck run found and fixed.</summary>
public sealed class FsckReport
{
    private long _checked;
    private long _missing;
    private long _repaired;
    private long _unrepairable;
    private long _orphans;
    private long _collected;
    private long _queued;
    private long _unverified;

    public long Checked => Interlocked.Read(ref _checked);

    public long MissingReplicas => Interlocked.Read(ref _missing);

    public long Repaired => Interlocked.Read(ref _repaired);

    public long Unrepairable => Interlocked.Read(ref _unrepairable);

    public long Orphans => Interlocked.Read(ref _orphans);

    public long Collected => Interlocked.Read(ref _collected);

    /// <summary>Unnamed blobs already queued for the garbage collector: known garbage, not orphans.</summary>
    public long Queued => Interlocked.Read(ref _queued);

    /// <summary>Replicas or object servers fsck could not ask (down, error-limited): their state is unknown.</summary>
    public long Unverified => Interlocked.Read(ref _unverified);

    public long UsageDrifts { get; set; }

    /// <summary>
    /// What <c>cloudfs fsck</c>'s exit code says: every named blob on all its primaries and no
    /// orphan past the grace period (after a repair: none left). Something fsck could not check
    /// is not clean. Usage drifts are reported but do not count: they are counters, not data.
    /// </summary>
    public bool IsClean(bool repaired) => Unverified == 0 && (repaired
        ? Unrepairable == 0 && MissingReplicas == Repaired && Orphans == Collected
        : MissingReplicas == 0 && Orphans == 0);

    public void Check() => Interlocked.Increment(ref _checked);

    public void Missing() => Interlocked.Increment(ref _missing);

    public void Repair() => Interlocked.Increment(ref _repaired);

    public void Unrepaired() => Interlocked.Increment(ref _unrepairable);

    public void Orphan() => Interlocked.Increment(ref _orphans);

    public void Collect() => Interlocked.Increment(ref _collected);

    public void Queue() => Interlocked.Increment(ref _queued);

    public void Unverify() => Interlocked.Increment(ref _unverified);
}
