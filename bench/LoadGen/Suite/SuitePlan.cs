namespace CloudFs.Bench.LoadGen.Suite;

/// <summary>How many requests each workload makes: the default run, or a shorter --quick one.</summary>
public sealed record SuitePlan(
    IReadOnlyDictionary<int, int> SmallCounts,
    int SmallSize,
    int MegabyteCount,
    int MegabyteConcurrency,
    int HugeCount,
    long HugeSize,
    int AccountContainers,
    int AccountHeads,
    int ListingObjects,
    int ListingRuns)
{
    public static SuitePlan For(bool quick, int runs) => quick
        ? new(new Dictionary<int, int> { [1] = 150, [16] = 600, [64] = 1000 }, 4096, 100, 4, 2, 256L << 20, 1000, 100, 20_000, Math.Max(runs, 3))
        : new(new Dictionary<int, int> { [1] = 300, [16] = 2000, [64] = 3000 }, 4096, 200, 4, 4, 256L << 20, 1000, 200, 100_000, Math.Max(runs, 5));
}
