using System.Globalization;
using CloudFs.Common.Results;

namespace CloudFs.ContainerServer.Core;

/// <summary>
/// The parameters of a <c>?tree</c> read: the directory (<c>path</c>, trailing '/' trimmed;
/// empty or absent is the container itself), how many levels to expand (<c>depth</c>,
/// 0..10, default 1) and the most children listed per directory (<c>limit</c>, 1..1000,
/// default 1000).
/// </summary>
public sealed record TreeRequest(string Path, int Depth, int Limit)
{
    public const int DefaultDepth = 1;
    public const int MaxDepth = 10;
    public const int MaxLimit = 1000;

    public static Outcome<TreeRequest> Parse(QueryParameters query)
    {
        foreach (var name in new[] { "path", "depth", "limit" })
        {
            if (query.Invalid.Contains(name))
            {
                return CloudFsError.BadRequest($"\"{name}\" parameter not valid UTF-8");
            }
        }

        var path = query.Values.TryGetValue("path", out var p) ? p.TrimEnd('/') : "";
        if (!TryBounded(query, "depth", DefaultDepth, 0, MaxDepth, out var depth))
        {
            return CloudFsError.BadRequest($"depth must be a whole number from 0 to {MaxDepth}");
        }

        if (!TryBounded(query, "limit", MaxLimit, 1, MaxLimit, out var limit))
        {
            return CloudFsError.BadRequest($"limit must be a whole number from 1 to {MaxLimit}");
        }

        return new TreeRequest(path, depth, limit);
    }

    private static bool TryBounded(QueryParameters query, string name, int fallback, int min, int max, out int value)
    {
        value = fallback;
        if (!query.Values.TryGetValue(name, out var text) || text.Length == 0)
        {
            return true;
        }

        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value) && value >= min && value <= max;
    }
}
