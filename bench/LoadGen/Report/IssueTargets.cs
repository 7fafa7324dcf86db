using System.Globalization;

namespace CloudFs.Bench.LoadGen.Report;

/// <summary>
/// Issue 16's targets, checked against the figures of one configuration (CloudFs against the Swift
/// of the same replica count). Reported, never asserted.
/// </summary>
public static class IssueTargets
{
    public const string CloudFs = "cloudfs";
    public const string Swift = "swift";
    public const string Loopback = "loopback";
    public const string Disk = "disk";

    private static readonly int[] RatioConcurrencies = [16, 64];
    private static readonly int[] CpuConcurrencies = [1, 16, 64];

    public static IReadOnlyList<TargetCheck> Check(ResultSet results)
    {
        var checks = new List<TargetCheck>();
        foreach (var c in RatioConcurrencies)
        {
            checks.Add(SmallPut(results, c));
        }
        foreach (var (op, factor) in new[] { ("get", 10.0), ("head", 10.0), ("delete", 5.0) })
        {
            foreach (var c in RatioConcurrencies)
            {
                var cfs = results.Figure(CloudFs, "small", op, l => l.OpsPerSecond, concurrency: c);
                var swift = results.Figure(Swift, "small", op, l => l.OpsPerSecond, concurrency: c);
                checks.Add(AtLeast($"4 KiB {op.ToUpperInvariant()} ≥ {factor:0}× Swift's ops/s at c={c}", cfs, swift, factor));
            }
        }
        foreach (var op in new[] { "put", "get" })
        {
            var cfs = results.Figure(CloudFs, "large", op, l => l.MegabytesPerSecond, 1 << 20);
            var swift = results.Figure(Swift, "large", op, l => l.MegabytesPerSecond, 1 << 20);
            checks.Add(AtLeast($"1 MiB {op.ToUpperInvariant()} ≥ 2× Swift's MB/s", cfs, swift, 2));
        }
        var huge = results.Lines.Where(l => l.Workload == "large").Select(l => l.Size).DefaultIfEmpty(256L << 20).Max();
        foreach (var op in new[] { "put", "get" })
        {
            var cfs = results.Figure(CloudFs, "large", op, l => l.MegabytesPerSecond, huge);
            var ceiling = Ceiling(results, op, huge);
            var percent = Valid(cfs) && !double.IsNaN(ceiling) ? 100 * cfs!.Median / ceiling : double.NaN;
            checks.Add(new TargetCheck(
                $"{Cells.Size(huge)} {op.ToUpperInvariant()} ≥ 80 % of the lower of the loopback and disk ceilings",
                double.IsNaN(percent) ? "n/a" : $"{Num(percent, "0")} % of {Num(ceiling, "0")} MB/s",
                double.IsNaN(percent) ? null : percent >= 80,
                Failed(cfs)));
        }
        foreach (var c in CpuConcurrencies)
        {
            var cfs = results.Figure(CloudFs, "small", "put", PerTenThousandPuts, concurrency: c);
            var swift = results.Figure(Swift, "small", "put", PerTenThousandPuts, concurrency: c);
            var ratio = Valid(cfs) && Valid(swift) ? cfs!.Median / swift!.Median : double.NaN;
            checks.Add(new TargetCheck(
                $"CPU s per 10,000 4 KiB PUTs ≤ ½ Swift's at c={c}",
                double.IsNaN(ratio) ? "n/a" : $"{Num(cfs!.Median, "0.0")} s vs {Num(swift!.Median, "0.0")} s (×{Num(ratio, "0.00")})",
                double.IsNaN(ratio) ? null : ratio <= 0.5,
                Failed(cfs, swift)));
        }
        return checks;
    }

    /// <summary>CPU seconds of the PUT phase scaled to 10,000 PUTs; NaN when no processes were watched.</summary>
    public static double PerTenThousandPuts(Suite.ResultLine line) =>
        line.CpuSeconds is { } cpu && line.Ops > 0 ? cpu * 10_000 / line.Ops : double.NaN;

    /// <summary>The lower of the loopback HTTP and the disk (dd) figure for a large transfer, NaN when neither was measured.</summary>
    public static double Ceiling(ResultSet results, string op, long size)
    {
        var loop = results.Figure(Loopback, "large", op, l => l.MegabytesPerSecond, size);
        var disk = results.Figure(Disk, "disk", op == "put" ? "write" : "read", l => l.MegabytesPerSecond);
        var ceilings = new[] { loop, disk }.Where(Valid).Select(f => f!.Median).ToList();
        return ceilings.Count == 0 ? double.NaN : ceilings.Min();
    }

    private static TargetCheck SmallPut(ResultSet results, int c)
    {
        var cfs = results.Figure(CloudFs, "small", "put", l => l.OpsPerSecond, concurrency: c);
        var swift = results.Figure(Swift, "small", "put", l => l.OpsPerSecond, concurrency: c);
        var cfsP99 = results.Figure(CloudFs, "small", "put", l => l.P99Ms, concurrency: c);
        var swiftP99 = results.Figure(Swift, "small", "put", l => l.P99Ms, concurrency: c);
        var ratio = Valid(cfs) && Valid(swift) ? cfs!.Median / swift!.Median : double.NaN;
        var p99Known = Valid(cfsP99) && Valid(swiftP99);
        var measured = double.IsNaN(ratio) ? "n/a"
            : $"×{Num(ratio, "0.00")}" + (p99Known ? $", p99 {Num(cfsP99!.Median, "0.0")} vs {Num(swiftP99!.Median, "0.0")} ms" : ", p99 n/a");
        bool? met = double.IsNaN(ratio) || !p99Known ? null : ratio >= 5 && cfsP99!.Median <= swiftP99!.Median;
        return new TargetCheck($"4 KiB PUT ≥ 5× Swift's ops/s at c={c}, p99 no worse than Swift's", measured, met, Failed(cfs, swift));
    }

    private static TargetCheck AtLeast(string target, Figure? cfs, Figure? swift, double factor)
    {
        var ratio = Valid(cfs) && Valid(swift) ? cfs!.Median / swift!.Median : double.NaN;
        return new TargetCheck(target, double.IsNaN(ratio) ? "n/a" : $"×{Num(ratio, "0.00")}",
            double.IsNaN(ratio) ? null : ratio >= factor, Failed(cfs, swift));
    }

    /// <summary>Failed requests on either side make a ratio doubtful (e.g. Swift's tempauth answering 401 under load).</summary>
    private static bool Failed(params Figure?[] figures) => figures.Any(f => f is { Failures: > 0 });

    private static bool Valid(Figure? figure) => figure is { Runs: > 0 } && !double.IsNaN(figure.Median) && figure.Median > 0;

    private static string Num(double value, string format) => value.ToString(format, CultureInfo.InvariantCulture);
}
