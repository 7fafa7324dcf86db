using System.Globalization;
using System.Text.RegularExpressions;
using CloudFs.Common.Results;

namespace CloudFs.ContainerServer.Core;

/// <summary>
/// Picks the listing's content type as Swift's listing_formats middleware does: a
/// <c>format</c> parameter (plain, json, xml; anything else means plain) replaces the Accept
/// header, then the header's best match among text/plain, application/json,
/// application/xml and text/xml wins (no header: text/plain).
/// </summary>
public static partial class ListingContentType
{
    private static readonly string[] Offered = ["text/plain", "application/json", "application/xml", "text/xml"];

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

        var patterns = new List<(string Type, string Subtype, double Quality, bool Specific)>();
        foreach (var part in accept.Split(','))
        {
            var match = AcceptRange().Match(part);
            if (!match.Success || !TryQuality(match.Groups[3].Value, out var quality))
            {
                return CloudFsError.BadRequest("Invalid Accept header");
            }

            var type = match.Groups[1].Value;
            var subtype = match.Groups[2].Value;
            patterns.Add((type, subtype, quality, type != "*" && subtype != "*"));
        }

        foreach (var pattern in patterns.OrderByDescending(p => p.Quality).ThenByDescending(p => p.Specific))
        {
            foreach (var offered in Offered)
            {
                var slash = offered.IndexOf('/', StringComparison.Ordinal);
                if ((pattern.Type == "*" || pattern.Type == offered[..slash])
                    && (pattern.Subtype == "*" || pattern.Subtype == offered[(slash + 1)..]))
                {
                    return offered;
                }
            }
        }

        return new CloudFsError(CloudFsErrorKind.NotAcceptable);
    }

    public static ListingFormat FormatOf(string mediaType) => mediaType switch
    {
        "application/json" => ListingFormat.Json,
        "application/xml" or "text/xml" => ListingFormat.Xml,
        _ => ListingFormat.Plain,
    };

    private static bool TryQuality(string parameters, out double quality)
    {
        quality = 1.0;
        var seen = false;
        foreach (var raw in parameters.Split(';'))
        {
            var parameter = raw.Trim();
            if (parameter.Length == 0)
            {
                continue;
            }

            var pieces = parameter.Split('=');
            if (pieces.Length != 2)
            {
                return false;
            }

            if (pieces[0].Trim() != "q")
            {
                continue;
            }

            if (seen || !double.TryParse(pieces[1].Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out quality))
            {
                return false;
            }

            seen = true;
        }

        return true;
    }

    private const string Token = @"[^()<>@,;:\\""/\[\]?={}\x00-\x20\x7f]+";
    private const string Quoted = @"""(?:[^""\\]|\\.)*""";

    [GeneratedRegex(@"^\s*(" + Token + ")/(" + Token + @")((?:\s*;\s*(?:" + Token + @")\s*=\s*(?:" + Token + "|" + Quoted + @"))*?\s*)$")]
    private static partial Regex AcceptRange();
}
