using System.Globalization;
using CloudFs.Common.Time;

namespace CloudFs.Proxy.Objects;

/// <summary>
/// Conditional GET/HEAD evaluated from the catalog alone, in Swift's (swob's) order: If-None-Match
/// holding the ETag (304), If-Match present without it (412, an empty If-Match too),
/// If-Modified-Since not passed (304, whatever If-None-Match said), If-Unmodified-Since passed
/// (412). ETags compare as swob does (quotes dropped, weak tags never match); dates at
/// whole-second precision, as Last-Modified is sent, in the three HTTP date forms.
/// </summary>
public static class ConditionalRequest
{
    private static readonly string[] DateFormats = ["r", "dddd, dd-MMM-yy HH:mm:ss 'GMT'", "ddd MMM d HH:mm:ss yyyy"];

    /// <param name="ifMatch">The If-Match header, or null when the request has none.</param>
    public static ConditionalResult Evaluate(string etag, Timestamp lastModified,
        string? ifMatch, string? ifNoneMatch, string? ifModifiedSince, string? ifUnmodifiedSince)
    {
        var modified = DateTimeOffset.ParseExact(lastModified.ToHttpDate(), "r", CultureInfo.InvariantCulture);
        if (!string.IsNullOrWhiteSpace(ifNoneMatch) && Matches(ifNoneMatch, etag))
        {
            return ConditionalResult.NotModified;
        }

        if (ifMatch is not null && !Matches(ifMatch, etag))
        {
            return ConditionalResult.PreconditionFailed;
        }

        if (TryDate(ifModifiedSince, out var modifiedSince) && modified <= modifiedSince)
        {
            return ConditionalResult.NotModified;
        }

        return TryDate(ifUnmodifiedSince, out var unmodifiedSince) && modified > unmodifiedSince
            ? ConditionalResult.PreconditionFailed
            : ConditionalResult.Proceed;
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

    /// <summary>True when the header's list holds <c>*</c> (any current entity).</summary>
    public static bool IsAnyTag(string? header) =>
        header is not null && header.Split(',', StringSplitOptions.TrimEntries).Contains("*");

    private static string Normalize(string tag) =>
        tag.Length > 1 && tag.StartsWith('"') && tag.EndsWith('"') ? tag[1..^1] : tag;

    private static bool TryDate(string? text, out DateTimeOffset value) =>
        DateTimeOffset.TryParseExact(text?.Trim(), DateFormats, CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AllowInnerWhite, out value)
        || DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AllowWhiteSpaces, out value);
}
