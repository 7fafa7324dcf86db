namespace CloudFs.Bench.LoadGen.Report;

/// <summary>
/// One of issue 16's targets against one configuration's figures: what was measured, whether it is met
/// (null: no figure) and whether either system had failed requests in the figures compared.
/// </summary>
public sealed record TargetCheck(string Target, string Measured, bool? Met, bool WithFailures)
{
    public string Verdict => Met switch
    {
        null => "n/a",
        true => WithFailures ? "yes (with failures)" : "yes",
        false => WithFailures ? "**no** (with failures)" : "**no**",
    };
}
