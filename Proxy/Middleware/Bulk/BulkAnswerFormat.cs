using System.Globalization;
using System.Text.RegularExpressions;

namespace CloudFs.Proxy.Middleware.Bulk;

/// <summary>
/// The media type of a bulk answer: the Accept header's best match among text/plain,
/// application/json, application/xml and text/xml, by quality then specificity, as swob's
/// <c>Accept.best_match</c> picks it (no header: text/plain). Null when nothing offered is
/// acceptable or the header is malformed: bulk then reports 406 inside its answer.
/// </summary>
public static partial class BulkAnswerFormat
{
    private static readonly string[] Offered = ["text/plain", "application/json", "application/xml", "text/xml"];

    public static string? Choose(string? accept)
    {
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
                return null;
            }

            var (type, subtype) = (match.Groups[1].Value, match.Groups[2].Value);
            patterns.Add((type, subtype, quality, type != "*" && subtype != "*"));
        }

        // OrderBy is stable, as Python's sort: equal ranges keep the header's order.
        foreach (var pattern in patterns.OrderByDescending(p => p.Quality).ThenByDescending(p => p.Specific))
        {
            foreach (var offered in Offered)
            {
                var slash = offered.IndexOf('/', StringComparison.Ordinal);
                if ((pattern.Type == "*" || pattern.Type == offered[..slash]) && (pattern.Subtype == "*" || pattern.Subtype == offered[(slash + 1)..]))
                {
                    return offered;
                }
            }
        }

        return null;
    }

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
