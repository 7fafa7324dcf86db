using System.Globalization;
using CloudFs.Common.Time;

namespace CloudFs.Proxy.Objects;

/// <summary>
/// RFC 9110 conditional requests evaluated from the catalog alone, in Swift's order:
/// If-Match (412), If-Unmodified-Since (412, even when If-Match matched: Swift checks both), If-None-Match (304),
/// If-Modified-Since when there is no If-None-Match (304). ETags compare as Swift's swob does (quotes dropped, weak tags never match);
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

    /// <summary>
    /// True when the header's list holds <c>*</c> or the etag. As Swift's swob: surrounding quotes
    /// are dropped and nothing else, so a weak tag (<c>W/"..."</c>) never matches.
    /// </summary>
    public static bool Matches(string header, string etag)
    {
        var want = Normalize(etag);
        foreach (var item in header.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var tag = Normalize(item);
            if (tag == "*" || string.Equals(tag, want, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private static string Normalize(string tag) =>
        tag.Length > 1 && tag.StartsWith('"') && tag.EndsWith('"') ? tag[1..^1] : tag;

    private static bool TryDate(string? text, out DateTimeOffset value) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AllowWhiteSpaces, out value);
}
