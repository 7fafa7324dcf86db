using CloudFs.Common.Http;

namespace CloudFs.Proxy.Middleware.Bulk;

/// <summary>
/// The media type of a bulk answer: the Accept header's best match among text/plain,
/// application/json, application/xml and text/xml, by quality then specificity, as swob's
/// <c>Accept.best_match</c> picks it (no header: text/plain). Null when nothing offered is
/// acceptable or the header is malformed: bulk then reports 406 inside its answer.
/// </summary>
public static class BulkAnswerFormat
{
    private static readonly IReadOnlyList<string> Offered = AcceptHeader.SwiftFormats;

    public static string? Choose(string? accept)
    {
        if (string.IsNullOrEmpty(accept))
        {
            return Offered[0];
        }

        return AcceptHeader.TryBestMatch(accept, Offered, out var match) ? match : null;
    }
}
