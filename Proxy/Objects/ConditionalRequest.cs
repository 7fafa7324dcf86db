using System.Globalization;
using CloudFs.Common.Time;

namespace CloudFs.Proxy.Objects;

/// <summary>
/// RFC 9110 conditional requests evaluated from the catalog alone, in Swift's order:
/// If-Match (412), If-Unmodified-Since (412, even when If-Match matched: Swift checks both), If-None-Match (304),
/// If-Modified-Since when there is no If-None-Match (304). ETags compare without quotes;
/// dates at whole-second precision, as Last-Modified is sent.
/// </summary>
public static class ConditionalRequest
{
    public static ConditionalResult Evaluate(string etag, Timestamp lastModified,
        string? ifMatch, string? ifNoneMatch, string? ifModifiedSince, string? ifUnmodifiedSince)
    {
        var modified = DateTimeOffset.ParseExact(lastModified.ToHttpDate(), "r", CultureInfo.InvariantCulture);
        if (!string.IsNullOrWhiteSpace(ifMatch) && !Matches(ifMatch, etag))
        {
            return ConditionalResult.PreconditionFailed;
        }

        if (TryDate(ifUnmodifiedSince, out var unmodifiedSince) && modified > unmodifiedSince)
        {
            return ConditionalResult.ModifiedSince;
        }

        if (!string.IsNullOrWhiteSpace(ifNoneMatch))
        {
            if (Matches(ifNoneMatch, etag))
            {
                return ConditionalResult.NotModified;
            }
        }
        else if (TryDate(ifModifiedSince, out var modifiedSince) && modified <= modifiedSince)
        {
            return ConditionalResult.NotModified;
        }

        return ConditionalResult.Proceed;
    }

    /// <summary>True when the header's list holds <c>*</c> or the etag (quotes and W/ ignored).</summary>
    public static bool Matches(string header, string etag)
    {
        var want = etag.Trim('"');
        foreach (var item in header.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var tag = item.StartsWith("W/", StringComparison.Ordinal) ? item[2..] : item;
            if (tag == "*" || string.Equals(tag.Trim('"'), want, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    private static bool TryDate(string? text, out DateTimeOffset value) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AllowWhiteSpaces, out value);
}
