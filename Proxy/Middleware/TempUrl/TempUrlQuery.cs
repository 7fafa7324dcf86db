using System.Globalization;
using Microsoft.AspNetCore.WebUtilities;

namespace CloudFs.Proxy.Middleware.TempUrl;

/// <summary>
/// The temp URL parameters of a query string, read as Swift reads them (first value of each,
/// blank values kept). <see cref="Expires"/> is 0 when it is unreadable or already past, which
/// Swift then answers like a bad signature.
/// </summary>
public sealed record TempUrlQuery(string? Signature, long? Expires, string? Prefix, string? Filename, bool Inline, string? IpRange)
{
    public static TempUrlQuery Parse(string query, long now)
    {
        var values = QueryHelpers.ParseQuery(query);
        string? First(string name) => values.TryGetValue(name, out var v) ? v[0] ?? "" : null;

        long? expires = First("temp_url_expires") is { } text ? ParseExpires(text) : null;
        if (expires < now)
        {
            expires = 0;
        }

        return new TempUrlQuery(First("temp_url_sig"), expires, First("temp_url_prefix"), First("filename"),
            values.ContainsKey("inline"), First("temp_url_ip_range"));
    }

    /// <summary>Seconds since the epoch, given as an integer or as ISO 8601 <c>2026-12-01T13:00:00Z</c>; 0 when neither.</summary>
    public static long ParseExpires(string text)
    {
        if (long.TryParse(text.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var seconds))
        {
            return seconds;
        }

        return DateTime.TryParseExact(text, "yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture,
            DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var at)
            ? new DateTimeOffset(at, TimeSpan.Zero).ToUnixTimeSeconds()
            : 0;
    }
}
