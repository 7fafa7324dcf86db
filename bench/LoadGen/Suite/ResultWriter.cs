using System.Text.Json;

namespace CloudFs.Bench.LoadGen.Suite;

/// <summary>
/// Appends result lines as JSON to a file and echoes a short human line to stderr; every line is
/// stamped with the configuration measured, when there is one.
/// </summary>
public sealed class ResultWriter(string path, string? config = null) : IDisposable
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
        NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    private readonly StreamWriter _writer = new(path, append: true) { AutoFlush = true };

    public void Write(ResultLine line)
    {
        line = config is null ? line : line with { Config = config };
        _writer.WriteLine(JsonSerializer.Serialize(line, Json));
        var figure = line.Workload switch
        {
            "large" or "disk" => $"{line.MegabytesPerSecond:F1} MB/s",
            "listing" or "account" => $"{line.P50Ms:F1} ms",
            _ => $"{line.OpsPerSecond:F0} ops/s p50 {line.P50Ms:F2} ms p99 {line.P99Ms:F2} ms",
        };
        var failures = line.Failures > 0 ? $" FAILURES {line.Failures}/{line.Ops}: {line.FirstError}" : "";
        Console.Error.WriteLine($"{DateTime.UtcNow:HH:mm:ss} {line.System,-8} {line.Workload} {line.Op} size={line.Size} c={line.Concurrency} run={line.Run}: {figure}{failures}");
    }

    public void Dispose() => _writer.Dispose();
}
