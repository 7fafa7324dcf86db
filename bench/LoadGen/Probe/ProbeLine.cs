using System.Globalization;
using CloudFs.Bench.LoadGen.Measure;

namespace CloudFs.Bench.LoadGen.Probe;

/// <summary>
/// The one line a probe prints for its phase, which bench/profile.sh parses (ops=, ops/s=, p50=,
/// p99=, and container= from a put phase): one format for every probe.
/// </summary>
public static class ProbeLine
{
    public static string Format(string op, int size, int concurrency, PhaseOutcome phase, string? container = null) =>
        string.Create(CultureInfo.InvariantCulture,
            $"{op} size={size} c={concurrency}{(container is null ? "" : " container=" + container)} ops={phase.Ops} ops/s={phase.OpsPerSecond:F0} p50={phase.Percentile(50):F2}ms p99={phase.Percentile(99):F2}ms failures={phase.Failures} {phase.FirstError}");
}
