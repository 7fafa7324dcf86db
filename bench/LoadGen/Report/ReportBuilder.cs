using System.Globalization;
using System.Text;
using CloudFs.Bench.LoadGen.Suite;

namespace CloudFs.Bench.LoadGen.Report;

/// <summary>Turns result lines into the markdown tables of bench/results/DATE.md.</summary>
public sealed class ReportBuilder(ResultSet results)
{
    private const string CloudFs = IssueTargets.CloudFs;
    private const string Swift = IssueTargets.Swift;
    private const string Loopback = IssueTargets.Loopback;
    private const string Disk = IssueTargets.Disk;

    private readonly StringBuilder _text = new();

    public string Build()
    {
        SmallObjects();
        LargeObjects();
        Catalog();
        Resources();
        Targets();
        Failures();
        return _text.ToString();
    }

    private void Line(string text = "") => _text.Append(text).Append('\n');

    private void SmallObjects()
    {
        Line("### 4 KiB objects (ops/s; latency p50 / p99 in ms)");
        Line();
        Line("| op | conc. | CloudFs ops/s | CloudFs p50 / p99 | Swift ops/s | Swift p50 / p99 | CloudFs/Swift | loopback ceiling ops/s |");
        Line("|---|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var op in new[] { "put", "get", "head", "delete" })
        {
            foreach (var c in results.Lines.Where(l => l.Workload == "small").Select(l => l.Concurrency).Distinct().Order())
            {
                var cfs = results.Figure(CloudFs, "small", op, l => l.OpsPerSecond, concurrency: c);
                var swift = results.Figure(Swift, "small", op, l => l.OpsPerSecond, concurrency: c);
                var ceiling = results.Figure(Loopback, "small", op, l => l.OpsPerSecond, concurrency: c);
                Line($"| {op.ToUpperInvariant()} | {c} | {Cells.Of(cfs, "0")} | {Latency(CloudFs, op, c)} | {Cells.Of(swift, "0")} | {Latency(Swift, op, c)} | {Cells.Ratio(cfs, swift)} | {Cells.Of(ceiling, "0")} |");
            }
        }
        Line();
        var dsync = results.Figure(Disk, "disk", "dsync4k", l => l.OpsPerSecond);
        if (dsync is not null)
        {
            Line($"Disk ceiling for durable small writes: {Cells.Of(dsync, "0")} synced 4 KiB writes/s (dd `oflag=dsync`, one writer, one file).");
            Line();
        }
    }

    private string Latency(string system, string op, int concurrency)
    {
        var p50 = results.Figure(system, "small", op, l => l.P50Ms, concurrency: concurrency);
        var p99 = results.Figure(system, "small", op, l => l.P99Ms, concurrency: concurrency);
        return p50 is null || p50.Runs == 0 || p99 is null ? "n/a"
            : $"{Cells.Number(p50.Median, "0.00")} / {Cells.Number(p99.Median, "0.00")}";
    }

    private void LargeObjects()
    {
        if (!results.Lines.Any(l => l.Workload == "large"))
        {
            return;   // --only without large
        }
        var diskWrite = results.Figure(Disk, "disk", "write", l => l.MegabytesPerSecond);
        var diskRead = results.Figure(Disk, "disk", "read", l => l.MegabytesPerSecond);
        Line("### Large objects (MB/s, 10^6 bytes per second)");
        Line();
        Line("| size | op | conc. | CloudFs MB/s | Swift MB/s | CloudFs/Swift | loopback HTTP MB/s | disk MB/s (dd, direct) | CloudFs % of ceiling |");
        Line("|---|---|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var size in results.Lines.Where(l => l.Workload == "large").Select(l => l.Size).Distinct().Order())
        {
            foreach (var op in new[] { "put", "get" })
            {
                var cfs = results.Figure(CloudFs, "large", op, l => l.MegabytesPerSecond, size);
                var swift = results.Figure(Swift, "large", op, l => l.MegabytesPerSecond, size);
                var loop = results.Figure(Loopback, "large", op, l => l.MegabytesPerSecond, size);
                var disk = op == "put" ? diskWrite : diskRead;
                var c = results.Lines.FirstOrDefault(l => l.Workload == "large" && l.Size == size)?.Concurrency ?? 1;
                Line($"| {Cells.Size(size)} | {op.ToUpperInvariant()} | {c} | {Cells.Of(cfs, "0.0")} | {Cells.Of(swift, "0.0")} | {Cells.Ratio(cfs, swift)} | {Cells.Of(loop, "0")} | {Cells.Of(disk, "0")} | {PercentOfCeiling(cfs, loop, disk)} |");
            }
        }
        Line();
        Line("The physical ceiling of a transfer is the lower of the loopback HTTP figure and the disk figure.");
        Line();
    }

    private static string PercentOfCeiling(Figure? figure, Figure? loop, Figure? disk)
    {
        var ceilings = new[] { loop, disk }.Where(f => f is { Runs: > 0 } && !double.IsNaN(f.Median)).Select(f => f!.Median).ToList();
        if (figure is null || figure.Runs == 0 || double.IsNaN(figure.Median) || ceilings.Count == 0)
        {
            return "n/a";
        }
        return (100 * figure.Median / ceilings.Min()).ToString("0", CultureInfo.InvariantCulture) + " %";
    }

    private void Catalog()
    {
        if (!results.Lines.Any(l => l.Workload is "listing" or "account" or "fill" or "account-setup"))
        {
            return;
        }
        Line("### Catalog (ms, lower is better)");
        Line();
        Line("| what | CloudFs ms | Swift ms | CloudFs/Swift time |");
        Line("|---|---:|---:|---:|");
        foreach (var line in results.Lines.Where(l => l.Workload == "listing").Select(l => (l.Op, l.Size)).Distinct().OrderBy(p => p.Op == "deep"))
        {
            var cfs = results.Figure(CloudFs, "listing", line.Op, l => l.P50Ms, line.Size);
            var swift = results.Figure(Swift, "listing", line.Op, l => l.P50Ms, line.Size);
            var what = line.Op == "first" ? "first page" : "page after a deep marker (last 10,000 names)";
            Line($"| listing of 10,000 names from {line.Size:N0} objects (JSON), {what} | {Cells.Of(cfs, "0.0")} | {Cells.Of(swift, "0.0")} | {Cells.Ratio(cfs, swift)} |");
        }
        var cfsHead = results.Figure(CloudFs, "account", "head", l => l.P50Ms);
        var swiftHead = results.Figure(Swift, "account", "head", l => l.P50Ms);
        if (cfsHead is not null || swiftHead is not null)
        {
            Line($"| HEAD on an account with 1,000 containers (p50 of {Ops("account", "head")} HEADs per run, concurrency 1; {ContainerCounts()}) | {Cells.Of(cfsHead, "0.00")} | {Cells.Of(swiftHead, "0.00")} | {Cells.Ratio(cfsHead, swiftHead)} |");
        }
        Line();
        foreach (var fill in results.Lines.Where(l => l.Workload is "fill" or "account-setup"))
        {
            var what = fill.Workload == "fill" ? $"loading {fill.Ops:N0} empty objects into the listing container" : $"creating {fill.Ops:N0} containers";
            var failures = fill.Failures > 0 ? $", **{fill.Failures} failed** ({fill.FirstError})" : "";
            Line($"- {Name(fill.System)}: {what} at concurrency {fill.Concurrency}: {fill.OpsPerSecond:0} /s in {fill.Seconds:0} s{failures}{(fill.Note is null ? "" : "; " + fill.Note)}");
        }
        Line();
    }

    private string ContainerCounts() => string.Join(", ", results.Lines
        .Where(l => l.Workload == "account" && l.Note is not null && l.Note != "unavailable")
        .GroupBy(l => l.System).Select(g => $"{Name(g.Key)} answered {g.Last().Note}"));

    private int Ops(string workload, string op) => results.Lines.FirstOrDefault(l => l.Workload == workload && l.Op == op && l.Ops > 0)?.Ops ?? 0;

    private void Resources()
    {
        Line("### Resources");
        Line();
        if (results.Lines.Any(l => l.Workload == "large"))
        {
            PeakMemory();
        }
        CpuPerPut();
    }

    private void PeakMemory()
    {
        Line("Peak resident memory (VmRSS polled every 20 ms) during the 256 MiB transfers, largest process of each role, MB; `total` is the peak of the sum over the system's processes:");
        Line();
        Line("| system | op | per role | total |");
        Line("|---|---|---|---:|");
        var huge = results.Lines.Where(l => l.Workload == "large").Select(l => l.Size).DefaultIfEmpty(0).Max();
        foreach (var system in new[] { CloudFs, Swift })
        {
            foreach (var op in new[] { "put", "get" })
            {
                var runs = results.Where(system, "large", op, huge).Where(l => l.PeakRssMb is not null).ToList();
                if (runs.Count == 0)
                {
                    Line($"| {Name(system)} | {op.ToUpperInvariant()} | n/a | n/a |");
                    continue;
                }
                var roles = runs.SelectMany(r => r.PeakRssMb!).GroupBy(p => p.Key).ToDictionary(g => g.Key, g => g.Max(p => p.Value));
                var perRole = string.Join(", ", roles.Where(p => p.Key != "total").Select(p => $"{p.Key} {p.Value:0}"));
                Line($"| {Name(system)} | {op.ToUpperInvariant()} | {perRole} | {roles.GetValueOrDefault("total"):0} |");
            }
        }
        Line();
    }

    private void CpuPerPut()
    {
        Line("CPU seconds per 10,000 4 KiB PUTs (utime+stime from /proc/PID/stat, summed over the system's server processes, before and after the PUT phase; the load generator's own CPU is not included):");
        Line();
        Line("| conc. | CloudFs CPU s | Swift CPU s | CloudFs/Swift |");
        Line("|---:|---:|---:|---:|");
        foreach (var c in results.Lines.Where(l => l.Workload == "small" && l.CpuSeconds is not null).Select(l => l.Concurrency).Distinct().Order())
        {
            var cfs = results.Figure(CloudFs, "small", "put", IssueTargets.PerTenThousandPuts, concurrency: c);
            var swift = results.Figure(Swift, "small", "put", IssueTargets.PerTenThousandPuts, concurrency: c);
            Line($"| {c} | {Cells.Of(cfs, "0.0")} | {Cells.Of(swift, "0.0")} | {Cells.Ratio(cfs, swift)} |");
        }
        Line();
        var counted = results.Lines.Where(l => l.Workload == "small" && l.Op == "put" && l.Processes is not null)
            .GroupBy(l => l.System).Select(g => $"{Name(g.Key)}: {ProcessCounts(g.Last().Processes!)}").ToList();
        if (counted.Count > 0)
        {
            Line($"Processes summed (last PUT phase): {string.Join("; ", counted)}.");
            Line();
        }
    }

    private void Targets()
    {
        Line("### Against issue 16's targets (reported, not asserted)");
        Line();
        Line("| target | measured | met? |");
        Line("|---|---|---|");
        foreach (var check in IssueTargets.Check(results))
        {
            Line($"| {check.Target} | {check.Measured} | {check.Verdict} |");
        }
        Line();
    }

    private static string ProcessCounts(Dictionary<string, int> counts) =>
        string.Join(", ", counts.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Value} × {p.Key}"));

    private void Failures()
    {
        Line("### Failed requests");
        Line();
        var failed = results.Lines.Where(l => l.Failures > 0)
            .GroupBy(l => (l.System, l.Workload, l.Op, l.Size, l.Concurrency))
            .Select(g => (g.Key, Failures: g.Sum(l => l.Failures), Ops: g.Sum(l => l.Ops), Error: g.Select(l => l.FirstError).FirstOrDefault(e => e is not null)))
            .ToList();
        var totals = results.Lines.Where(l => l.System != Disk).GroupBy(l => l.System).Select(g => $"{Name(g.Key)} {g.Sum(l => l.Failures)} of {g.Sum(l => l.Ops):N0}");
        Line($"Failed / attempted requests over every workload: {string.Join(", ", totals)}.");
        Line();
        foreach (var f in failed)
        {
            Line($"- {Name(f.Key.System)} {f.Key.Workload} {f.Key.Op} {Cells.Size(f.Key.Size)} c={f.Key.Concurrency}: {f.Failures} failed of {f.Ops} — first error: `{f.Error}`");
        }
        if (failed.Count > 0)
        {
            Line();
        }
    }

    private static string Name(string system) => system switch
    {
        CloudFs => "CloudFs",
        Swift => "Swift",
        Loopback => "loopback server",
        _ => system,
    };
}
