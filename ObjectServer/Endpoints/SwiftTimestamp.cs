using System.Globalization;

namespace CloudFs.ObjectServer.Endpoints;

/// <summary>
/// Swift's X-Timestamp: seconds since the epoch with five decimals ("1700000000.12345"),
/// optionally followed by "_" and a hex offset, which CloudFs does not use and ignores.
/// </summary>
public static class SwiftTimestamp
{
    public static bool TryParse(string? text, out DateTimeOffset? value)
    {
        value = null;
        if (string.IsNullOrEmpty(text))
        {
            return true; // absent: the caller uses "now"
        }

        var underscore = text.IndexOf('_', StringComparison.Ordinal);
        var seconds = underscore >= 0 ? text[..underscore] : text;
        if (!decimal.TryParse(seconds, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var s)
            || s > 253_402_300_799m /* 9999-12-31 */)
        {
            return false;
        }

        value = DateTimeOffset.UnixEpoch.AddTicks((long)(s * TimeSpan.TicksPerSecond));
        return true;
    }

    public static string Format(DateTimeOffset value)
    {
        var ticks = value.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks;
        var seconds = decimal.Round((decimal)ticks / TimeSpan.TicksPerSecond, 5, MidpointRounding.ToZero);
        return seconds.ToString("0.00000", CultureInfo.InvariantCulture);
    }
}
