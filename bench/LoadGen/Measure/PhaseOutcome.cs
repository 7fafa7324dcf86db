namespace CloudFs.Bench.LoadGen.Measure;

/// <summary>What a timed phase of <c>count</c> requests did: wall time, bytes, failures, latencies.</summary>
public sealed record PhaseOutcome(int Ops, int Failures, double Seconds, long Bytes, double[] SortedLatencyMs, string? FirstError)
{
    public double OpsPerSecond => Seconds > 0 ? Ops / Seconds : 0;

    /// <summary>Payload throughput in MB/s (10^6 bytes), counting successful requests only.</summary>
    public double MegabytesPerSecond => Seconds > 0 ? Bytes / 1e6 / Seconds : 0;

    public double Percentile(double p)
    {
        if (SortedLatencyMs.Length == 0)
        {
            return double.NaN;
        }
        // Nearest rank on the sorted samples: every request is a sample, no bucketing.
        var rank = (int)Math.Ceiling(p / 100.0 * SortedLatencyMs.Length);
        return SortedLatencyMs[Math.Clamp(rank - 1, 0, SortedLatencyMs.Length - 1)];
    }
}
