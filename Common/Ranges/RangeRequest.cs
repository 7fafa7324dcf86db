namespace CloudFs.Common.Ranges;

/// <summary>A Range header resolved against an entity size.</summary>
public sealed record RangeRequest(RangeOutcome Outcome, IReadOnlyList<ByteRange> Ranges)
{
    public static RangeRequest Full { get; } = new(RangeOutcome.Full, []);

    public static RangeRequest Unsatisfiable { get; } = new(RangeOutcome.Unsatisfiable, []);

    public bool IsMultipart => Outcome == RangeOutcome.Partial && Ranges.Count > 1;
}
