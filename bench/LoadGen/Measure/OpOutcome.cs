namespace CloudFs.Bench.LoadGen.Measure;

/// <summary>One request's result: success, or the reason it failed (status, short read, exception).</summary>
public readonly record struct OpOutcome(bool Ok, long Bytes, string? Error)
{
    public static OpOutcome Success(long bytes = 0) => new(true, bytes, null);

    public static OpOutcome Failure(string error) => new(false, 0, error);
}
