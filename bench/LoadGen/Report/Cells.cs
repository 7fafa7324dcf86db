using System.Globalization;

namespace CloudFs.Bench.LoadGen.Report;

/// <summary>Table cells: a figure with its spread, "n/a" when there is none, failures always shown.</summary>
public static class Cells
{
    public static string Of(Figure? figure, string format)
    {
        if (figure is null)
        {
            return "n/a";
        }
        if (figure.Runs == 0 || double.IsNaN(figure.Median))
        {
            return figure.Failures > 0 ? $"n/a ({figure.Failures} failed)" : "n/a";
        }
        var text = figure.Format(format);
        return figure.Failures > 0 ? $"{text} **{figure.Failures} failed**" : text;
    }

    public static string Ratio(Figure? numerator, Figure? denominator)
    {
        if (numerator is null || denominator is null || numerator.Runs == 0 || denominator.Runs == 0
            || double.IsNaN(numerator.Median) || double.IsNaN(denominator.Median) || denominator.Median <= 0)
        {
            return "n/a";
        }
        return "×" + (numerator.Median / denominator.Median).ToString("0.00", CultureInfo.InvariantCulture);
    }

    public static string Number(double value, string format) =>
        double.IsNaN(value) ? "n/a" : value.ToString(format, CultureInfo.InvariantCulture);

    public static string Size(long bytes) => bytes switch
    {
        >= 1L << 20 => $"{bytes >> 20} MiB",
        >= 1024 => $"{bytes >> 10} KiB",
        _ => $"{bytes} B",
    };
}
