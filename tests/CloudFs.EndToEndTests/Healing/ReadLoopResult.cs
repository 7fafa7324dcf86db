namespace CloudFs.EndToEndTests.Healing;

/// <summary>What a reader looping over a corpus saw: reads done, reads that failed (any status but 200, wrong bytes, an exception), a few of those failures.</summary>
public sealed record ReadLoopResult(long Reads, long Failures, IReadOnlyList<string> Samples)
{
    public override string ToString() => $"{Reads} reads, {Failures} failed" + (Samples.Count == 0 ? "" : ": " + string.Join("; ", Samples));
}
