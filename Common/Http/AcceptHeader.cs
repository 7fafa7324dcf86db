using System.Globalization;
using System.Text.RegularExpressions;

namespace CloudFs.Common.Http;

/// <summary>
/// swob's <c>Accept.best_match</c>, which Swift's listings and bulk answers both use: the
/// header's media ranges by quality, then specificity (stable, in the header's order), each
/// tried against the offered types in their order.
/// </summary>
public static partial class AcceptHeader
{
    /// <summary>What Swift's listings and bulk answers offer, in its order (ACCEPTABLE_FORMATS).</summary>
    public static readonly IReadOnlyList<string> SwiftFormats = ["text/plain", "application/json", "application/xml", "text/xml"];

    /// <summary>False when the header is malformed; otherwise <paramref name="match"/> is the chosen type, or null when nothing offered is acceptable.</summary>
    public static bool TryBestMatch(string accept, IReadOnlyList<string> offered, out string? match)
    {
        ArgumentNullException.ThrowIfNull(accept);
        ArgumentNullException.ThrowIfNull(offered);
        match = null;
        var patterns = new List<(string Type, string Subtype, double Quality, bool Specific)>();
        foreach (var part in accept.Split(','))
        {
            var range = AcceptRange().Match(part);
            if (!range.Success || !TryQuality(range.Groups[3].Value, out var quality))
            {
                return false;
            }

            var (type, subtype) = (range.Groups[1].Value, range.Groups[2].Value);
            patterns.Add((type, subtype, quality, type != "*" && subtype != "*"));
        }

        // OrderBy is stable, as Python's sort: equal ranges keep the header's order.
        foreach (var pattern in patterns.OrderByDescending(p => p.Quality).ThenByDescending(p => p.Specific))
        {
            foreach (var candidate in offered)
            {
                var slash = candidate.IndexOf('/', StringComparison.Ordinal);
                if ((pattern.Type == "*" || pattern.Type == candidate[..slash]) && (pattern.Subtype == "*" || pattern.Subtype == candidate[(slash + 1)..]))
                {
                    match = candidate;
                    return true;
                }
            }
        }

        return true;
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
