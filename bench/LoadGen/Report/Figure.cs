using System.Globalization;

namespace CloudFs.Bench.LoadGen.Report;

/// <summary>The median of a figure over its runs, with the smallest and largest run.</summary>
public sealed record Figure(double Median, double Min, double Max, int Runs, int Failures, int Ops)
{
    public static Figure? Of(IReadOnlyCollection<double> values, int failures, int ops)
    {
        var sorted = values.Where(v => !double.IsNaN(v)).Order().ToArray();
        if (sorted.Length == 0)
        {
            return null;
        }
        var n = sorted.Length;
        var median = n % 2 == 1 ? sorted[n / 2] : (sorted[(n / 2) - 1] + sorted[n / 2]) / 2;
        return new Figure(median, sorted[0], sorted[^1], n, failures, ops);
    }

    public string Format(string format) =>
        Runs > 1
            ? $"{Median.ToString(format, CultureInfo.InvariantCulture)} ({Min.ToString(format, CultureInfo.InvariantCulture)}–{Max.ToString(format, CultureInfo.InvariantCulture)})"
            : Median.ToString(format, CultureInfo.InvariantCulture);
}
