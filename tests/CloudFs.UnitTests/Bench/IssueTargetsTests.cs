using CloudFs.Bench.LoadGen.Report;
using CloudFs.Bench.LoadGen.Suite;

namespace CloudFs.UnitTests.Bench;

/// <summary>bench/run.sh's verdicts on issue 16's targets, from result lines as the load generator writes them.</summary>
public class IssueTargetsTests
{
    private const long Huge = 256L << 20;

    [Test]
    public void SmallPut_FiveTimesSwiftWithBetterP99_IsMet_WorseP99_IsNot()
    {
        var met = Check(Small("cloudfs", "put", 16, 600, p99: 40), Small("swift", "put", 16, 100, p99: 50));
        var slowTail = Check(Small("cloudfs", "put", 16, 600, p99: 60), Small("swift", "put", 16, 100, p99: 50));

        var target = met.Single(t => t.Target.StartsWith("4 KiB PUT", StringComparison.Ordinal) && t.Target.Contains("c=16", StringComparison.Ordinal));
        Assert.That((target.Met, target.Measured), Is.EqualTo(((bool?)true, "×6.00, p99 40.0 vs 50.0 ms")));
        Assert.That(slowTail.Single(t => t.Target == target.Target).Met, Is.False, "p99 worse than Swift's");
    }

    [Test]
    public void GetHeadDelete_RatiosAgainstTheirOwnFactors()
    {
        var checks = Check(
            Small("cloudfs", "get", 64, 999), Small("swift", "get", 64, 100),
            Small("cloudfs", "head", 64, 1000), Small("swift", "head", 64, 100),
            Small("cloudfs", "delete", 64, 500), Small("swift", "delete", 64, 100));

        Assert.That(checks.Single(t => t.Target == "4 KiB GET ≥ 10× Swift's ops/s at c=64").Met, Is.False);
        Assert.That(checks.Single(t => t.Target == "4 KiB HEAD ≥ 10× Swift's ops/s at c=64").Met, Is.True);
        Assert.That(checks.Single(t => t.Target == "4 KiB DELETE ≥ 5× Swift's ops/s at c=64").Met, Is.True);
    }

    [Test]
    public void HugeTransfer_AgainstTheLowerOfLoopbackAndDisk()
    {
        var checks = Check(Large("cloudfs", "put", 850), Large("loopback", "put", 2000), Disk("write", 1000),
            Large("cloudfs", "get", 700), Large("loopback", "get", 900), Disk("read", 1500));

        var put = checks.Single(t => t.Target.StartsWith("256 MiB PUT", StringComparison.Ordinal));
        var get = checks.Single(t => t.Target.StartsWith("256 MiB GET", StringComparison.Ordinal));
        Assert.That((put.Met, put.Measured), Is.EqualTo(((bool?)true, "85 % of 1000 MB/s")));
        Assert.That((get.Met, get.Measured), Is.EqualTo(((bool?)false, "78 % of 900 MB/s")));
    }

    [Test]
    public void CpuPerTenThousandPuts_AtMostHalfOfSwifts()
    {
        var checks = Check(Small("cloudfs", "put", 1, 100, cpu: 5, ops: 1000), Small("swift", "put", 1, 100, cpu: 10, ops: 1000),
            Small("cloudfs", "put", 64, 100, cpu: 6, ops: 1000), Small("swift", "put", 64, 100, cpu: 10, ops: 1000));

        var cpu = checks.Where(t => t.Target.StartsWith("CPU", StringComparison.Ordinal)).ToList();
        Assert.That(cpu.Single(t => t.Target.EndsWith("at c=1", StringComparison.Ordinal)).Met, Is.True);
        Assert.That(cpu.Single(t => t.Target.EndsWith("at c=16", StringComparison.Ordinal)).Met, Is.Null, "not measured");
        var c64 = cpu.Single(t => t.Target.EndsWith("at c=64", StringComparison.Ordinal));
        Assert.That((c64.Met, c64.Measured), Is.EqualTo(((bool?)false, "60.0 s vs 100.0 s (×0.60)")));
    }

    [Test]
    public void UnmeasuredTargets_AreNotApplicable_AndFailuresAreSaid()
    {
        var checks = Check(Small("cloudfs", "delete", 16, 600) with { Failures = 3 }, Small("swift", "delete", 16, 100));

        Assert.That(checks.Single(t => t.Target.StartsWith("1 MiB PUT", StringComparison.Ordinal)).Verdict, Is.EqualTo("n/a"));
        Assert.That(checks.Single(t => t.Target == "4 KiB DELETE ≥ 5× Swift's ops/s at c=16").Verdict, Is.EqualTo("yes (with failures)"));
    }

    [Test]
    public void ForConfig_KeepsItsOwnLinesAndTheSharedCeilings()
    {
        var results = new ResultSet([
            Small("cloudfs", "put", 16, 600) with { Config = "sqlite" },
            Small("cloudfs", "put", 16, 100) with { Config = "replicas3" },
            Small("loopback", "put", 16, 9000) with { Config = "sqlite" },
            Disk("write", 1000),
        ]);

        Assert.That(results.Configs, Is.EqualTo(new[] { "sqlite", "replicas3" }));
        var replicas3 = results.ForConfig("replicas3").Lines;
        Assert.That(replicas3.Select(l => (l.System, l.OpsPerSecond)),
            Is.EquivalentTo(new[] { ("cloudfs", 100.0), ("loopback", 9000.0), ("disk", 0.0) }));
    }

    private static IReadOnlyList<TargetCheck> Check(params ResultLine[] lines) => IssueTargets.Check(new ResultSet(lines));

    private static ResultLine Small(string system, string op, int concurrency, double opsPerSecond, double p99 = 10, double? cpu = null, int ops = 1000) => new()
    {
        System = system, Workload = "small", Op = op, Size = 4096, Concurrency = concurrency, Run = 1,
        Ops = ops, OpsPerSecond = opsPerSecond, P50Ms = 1, P99Ms = p99, CpuSeconds = cpu,
    };

    private static ResultLine Large(string system, string op, double megabytesPerSecond) => new()
    {
        System = system, Workload = "large", Op = op, Size = Huge, Concurrency = 1, Run = 1, Ops = 2, MegabytesPerSecond = megabytesPerSecond,
    };

    private static ResultLine Disk(string op, double megabytesPerSecond) => new()
    {
        System = "disk", Workload = "disk", Op = op, Size = 1L << 30, Concurrency = 1, Run = 1, Ops = 1, MegabytesPerSecond = megabytesPerSecond,
    };
}
