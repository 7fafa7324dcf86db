using CloudFs.Common.Http;
using CloudFs.Common.Results;

namespace CloudFs.ContainerServer.Core;

/// <summary>
/// Picks the listing's content type as Swift's listing_formats middleware does: a
/// <c>format</c> parameter (plain, json, xml; anything else means plain) replaces the Accept
/// header, then the header's best match among text/plain, application/json,
/// application/xml and text/xml wins (no header: text/plain).
/// </summary>
public static class ListingContentType
{
    private static readonly IReadOnlyList<string> Offered = AcceptHeader.SwiftFormats;

    /// <summary>
    /// The chosen media type; BadRequest for a malformed header; NotAcceptable when nothing
    /// offered is acceptable (Swift answers 406).
    /// </summary>
    public static Outcome<string> Choose(string? format, string? accept)
    {
        if (!string.IsNullOrEmpty(format))
        {
            accept = format.ToLowerInvariant() switch
            {
                "json" => "application/json",
                "xml" => "application/xml",
                _ => "text/plain",
            };
        }

        if (string.IsNullOrEmpty(accept))
        {
            return Offered[0];
        }

        if (!AcceptHeader.TryBestMatch(accept, Offered, out var match))
        {
            return CloudFsError.BadRequest("Invalid Accept header");
        }

        return match is null ? new CloudFsError(CloudFsErrorKind.NotAcceptable) : match;
    }

    public static ListingFormat FormatOf(string mediaType) => mediaType switch
    {
        "application/json" => ListingFormat.Json,
        "application/xml" or "text/xml" => ListingFormat.Xml,
        _ => ListingFormat.Plain,
    };
}
