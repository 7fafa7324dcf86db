using System.Globalization;

namespace CloudFs.RingBuilder;

/// <summary>Small helpers that turn argument strings into numbers with operator-readable errors.</summary>
internal static class Args
{
    public static int Int(string value, string name) =>
        int.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var v)
            ? v
            : throw new UsageException($"{name} must be an integer, not '{value}'.");

    public static long Long(string value, string name) =>
        long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var v)
            ? v
            : throw new UsageException($"{name} must be an integer, not '{value}'.");

    public static double Weight(string value) =>
        double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && double.IsFinite(v) && v >= 0
            ? v
            : throw new UsageException($"weight must be a number >= 0, not '{value}'.");

    public static void Count(string[] args, int count, string form)
    {
        if (args.Length != count)
        {
            throw new UsageException($"expected: {form}");
        }
    }
}
