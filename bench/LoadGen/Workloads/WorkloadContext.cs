using CloudFs.Bench.LoadGen.Http;
using CloudFs.Bench.LoadGen.Measure;
using CloudFs.Bench.LoadGen.Suite;

namespace CloudFs.Bench.LoadGen.Workloads;

/// <summary>What a workload needs for one run against one target.</summary>
public sealed record WorkloadContext(Target Target, string User, string Key, int Run, ResultWriter Writer, CancellationToken CancellationToken)
{
    public async Task<SwiftSession> LoginAsync(HttpClient client) =>
        await TempAuth.LoginAsync(client, Target.AuthUrl, User, Key, CancellationToken);

    /// <summary>A container name unique to this run.</summary>
    public string Container(string kind) => $"bench-{kind}-r{Run}-{Guid.NewGuid().ToString("N")[..8]}";

    public ResultLine Line(string workload, string op, long size, int concurrency, PhaseOutcome outcome) => new()
    {
        System = Target.Name,
        Workload = workload,
        Op = op,
        Size = size,
        Concurrency = concurrency,
        Run = Run,
        Ops = outcome.Ops,
        Failures = outcome.Failures,
        Seconds = Math.Round(outcome.Seconds, 4),
        OpsPerSecond = Math.Round(outcome.OpsPerSecond, 1),
        MegabytesPerSecond = Math.Round(outcome.MegabytesPerSecond, 1),
        P50Ms = Math.Round(outcome.Percentile(50), 3),
        P99Ms = Math.Round(outcome.Percentile(99), 3),
        FirstError = outcome.FirstError,
    };

    /// <summary>The line written when a workload could not run at all (login failed, container refused).</summary>
    public ResultLine Unavailable(string workload, string op, long size, int concurrency, string error) => new()
    {
        System = Target.Name,
        Workload = workload,
        Op = op,
        Size = size,
        Concurrency = concurrency,
        Run = Run,
        Ops = 0,
        Failures = 1,
        P50Ms = double.NaN,
        P99Ms = double.NaN,
        FirstError = error,
        Note = "unavailable",
    };
}
