using System.Globalization;

namespace CloudFs.Common.Time;

/// <summary>
/// Swift's X-Timestamp: seconds since the epoch with five decimals ("1732441234.56789"),
/// held as a count of 10-microsecond units so it orders, stores (BIGINT) and compares
/// exactly. Newer timestamps win when writes race.
/// </summary>
public readonly record struct Timestamp(long Units) : IComparable<Timestamp>
{
    public const long UnitsPerSecond = 100_000;
    private const long TicksPerUnit = TimeSpan.TicksPerSecond / UnitsPerSecond;

    public static Timestamp FromDateTimeOffset(DateTimeOffset value) =>
        new((value.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) / TicksPerUnit);

    public static Timestamp Now(TimeProvider time) => FromDateTimeOffset(time.GetUtcNow());

    /// <summary>Parses "1732441234.56789" (fewer decimals allowed; a "_offset" suffix is ignored).</summary>
    public static bool TryParse(string? text, out Timestamp value)
    {
        value = default;
        if (string.IsNullOrEmpty(text))
        {
            return false;
        }

        var underscore = text.IndexOf('_', StringComparison.Ordinal);
        var seconds = underscore >= 0 ? text[..underscore] : text;
        if (!decimal.TryParse(seconds, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var s)
            || s > 9_999_999_999m)
        {
            return false;
        }

        value = new Timestamp((long)decimal.Truncate(s * UnitsPerSecond));
        return true;
    }

    public DateTimeOffset ToDateTimeOffset() => DateTimeOffset.UnixEpoch.AddTicks(Units * TicksPerUnit);

    /// <summary>The X-Timestamp header form.</summary>
    public string ToHeader() =>
        string.Create(CultureInfo.InvariantCulture, $"{Units / UnitsPerSecond:D10}.{Units % UnitsPerSecond:D5}");

    /// <summary>The listing form Swift uses for last_modified: "2024-01-02T03:04:05.123450".</summary>
    public string ToIso() => ToDateTimeOffset().UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff", CultureInfo.InvariantCulture);

    /// <summary>The HTTP date form used by Last-Modified (whole seconds, rounded up as Swift does).</summary>
    public string ToHttpDate() =>
        DateTimeOffset.FromUnixTimeSeconds((Units + UnitsPerSecond - 1) / UnitsPerSecond).ToString("r", CultureInfo.InvariantCulture);

    public int CompareTo(Timestamp other) => Units.CompareTo(other.Units);

    public static bool operator <(Timestamp a, Timestamp b) => a.Units < b.Units;

    public static bool operator >(Timestamp a, Timestamp b) => a.Units > b.Units;

    public static bool operator <=(Timestamp a, Timestamp b) => a.Units <= b.Units;

    public static bool operator >=(Timestamp a, Timestamp b) => a.Units >= b.Units;

    public override string ToString() => ToHeader();
}
