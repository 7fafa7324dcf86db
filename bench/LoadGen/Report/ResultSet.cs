using System.Text.Json;
using CloudFs.Bench.LoadGen.Suite;

namespace CloudFs.Bench.LoadGen.Report;

/// <summary>All result lines of a benchmark, with look-ups by system and workload.</summary>
public sealed class ResultSet(IReadOnlyList<ResultLine> lines)
{
    public IReadOnlyList<ResultLine> Lines => lines;

    public static ResultSet Load(IEnumerable<string> paths)
    {
        var lines = new List<ResultLine>();
        foreach (var path in paths.Where(File.Exists))
        {
            foreach (var text in File.ReadLines(path))
            {
                if (!string.IsNullOrWhiteSpace(text))
                {
                    lines.Add(JsonSerializer.Deserialize<ResultLine>(text, ResultWriter.Json) ?? throw new JsonException($"empty line in {path}"));
                }
            }
        }
        return new ResultSet(lines);
    }

    /// <summary>The configurations in the file, in the order they were measured.</summary>
    public IReadOnlyList<string> Configs => lines.Select(l => l.Config).OfType<string>().Distinct().ToList();

    /// <summary>One configuration's lines with the ceilings (disk, loopback), which every configuration shares.</summary>
    public ResultSet ForConfig(string config) => new(lines
        .Where(l => l.Config == config || l.System is IssueTargets.Disk or IssueTargets.Loopback).ToList());

    public IEnumerable<ResultLine> Where(string system, string workload, string op, long? size = null, int? concurrency = null) =>
        lines.Where(l => l.System == system && l.Workload == workload && l.Op == op
            && (size is null || l.Size == size) && (concurrency is null || l.Concurrency == concurrency));

    /// <summary>A figure over the runs; a run that could not happen (unavailable) gives no value but counts its failure.</summary>
    public Figure? Figure(string system, string workload, string op, Func<ResultLine, double> metric, long? size = null, int? concurrency = null)
    {
        var runs = Where(system, workload, op, size, concurrency).ToList();
        if (runs.Count == 0)
        {
            return null;
        }
        var values = runs.Where(r => r.Note != "unavailable").Select(metric).ToList();
        var figure = Report.Figure.Of(values, runs.Sum(r => r.Failures), runs.Sum(r => r.Ops));
        return figure ?? new Figure(double.NaN, double.NaN, double.NaN, 0, runs.Sum(r => r.Failures), 0);
    }

    public string? FirstError(string system, string workload, string op, long? size = null, int? concurrency = null) =>
        Where(system, workload, op, size, concurrency).Select(l => l.FirstError).FirstOrDefault(e => e is not null);
}
