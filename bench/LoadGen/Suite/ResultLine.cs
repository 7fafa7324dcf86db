namespace CloudFs.Bench.LoadGen.Suite;

/// <summary>One figure from one run, written as a JSON line; run.sh and `loadgen report` read them back.</summary>
public sealed record ResultLine
{
    /// <summary>The configuration measured (bench/run.sh --config: sqlite, mariadb, replicas3); null in older files.</summary>
    public string? Config { get; init; }
    public required string System { get; init; }
    public required string Workload { get; init; }
    public required string Op { get; init; }
    public long Size { get; init; }
    public int Concurrency { get; init; }
    public int Run { get; init; }
    public int Ops { get; init; }
    public int Failures { get; init; }
    public double Seconds { get; init; }
    public double OpsPerSecond { get; init; }
    public double MegabytesPerSecond { get; init; }
    public double P50Ms { get; init; }
    public double P99Ms { get; init; }
    public double? CpuSeconds { get; init; }
    public Dictionary<string, double>? PeakRssMb { get; init; }
    /// <summary>How many processes of each role the CPU figure summed (it must cover every server).</summary>
    public Dictionary<string, int>? Processes { get; init; }
    public string? FirstError { get; init; }
    public string? Note { get; init; }
}
