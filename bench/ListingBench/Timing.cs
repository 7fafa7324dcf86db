using System.Globalization;

namespace CloudFs.Bench.Listing;

/// <summary>Median, min and max of several runs, in milliseconds.</summary>
public sealed record Timing(double Median, double Min, double Max)
{
    public static Timing Of(IReadOnlyList<double> samples)
    {
        var sorted = samples.Order().ToList();
        var middle = sorted.Count / 2;
        var median = sorted.Count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
        return new Timing(median, sorted[0], sorted[^1]);
    }

    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Median,9:F2} {Min,9:F2} {Max,9:F2}");
}
