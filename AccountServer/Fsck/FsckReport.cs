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

    public long Checked => Interlocked.Read(ref _checked);

    public long MissingReplicas => Interlocked.Read(ref _missing);

    public long Repaired => Interlocked.Read(ref _repaired);

    public long Unrepairable => Interlocked.Read(ref _unrepairable);

    public long Orphans => Interlocked.Read(ref _orphans);

    public long Collected => Interlocked.Read(ref _collected);

    public long UsageDrifts { get; set; }

    public void Check() => Interlocked.Increment(ref _checked);

    public void Missing() => Interlocked.Increment(ref _missing);

    public void Repair() => Interlocked.Increment(ref _repaired);

    public void Unrepaired() => Interlocked.Increment(ref _unrepairable);

    public void Orphan() => Interlocked.Increment(ref _orphans);

    public void Collect() => Interlocked.Increment(ref _collected);
}
