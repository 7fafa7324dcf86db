using System.Globalization;
using CloudFs.Common.Results;

namespace CloudFs.ContainerServer.Core;

/// <summary>
/// The parameters of a search: <c>name</c> (see <see cref="NamePattern"/>), <c>container</c>,
/// <c>type</c> (object or directory), <c>min_size</c>/<c>max_size</c> (bytes, inclusive),
/// <c>modified_after</c> (at or after) / <c>modified_before</c> (strictly before), both unix
/// seconds compared with X-Timestamp, <c>marker</c> (a previous answer's next_marker) and
/// <c>limit</c> (1..10000, default 100).
/// </summary>
public sealed record SearchRequest(
    NamePattern Name,
    string? Container,
    string Type,
    long? MinSize,
    long? MaxSize,
    long? ModifiedAfter,
    long? ModifiedBefore,
    SearchMarker? Marker,
    int Limit)
{
    public const int DefaultLimit = 100;
    public const int MaxLimit = 10_000;

    private static readonly string[] Names =
        ["name", "container", "type", "min_size", "max_size", "modified_after", "modified_before", "marker", "limit"];

    public static Outcome<SearchRequest> Parse(QueryParameters query)
    {
        foreach (var name in Names)
        {
            if (query.Invalid.Contains(name))
            {
                return CloudFsError.BadRequest($"\"{name}\" parameter not valid UTF-8");
            }
        }

        var values = query.Values;
        var type = Value(values, "type") ?? "object";
        if (type is not ("object" or "directory"))
        {
            return CloudFsError.BadRequest("type must be object or directory");
        }

        long? minSize = null, maxSize = null, after = null, before = null, limit = null;
        foreach (var (name, set) in new (string, Action<long>)[]
                 {
                     ("min_size", v => minSize = v), ("max_size", v => maxSize = v), ("modified_after", v => after = v),
                     ("modified_before", v => before = v), ("limit", v => limit = v),
                 })
        {
            if (Value(values, name) is not { } text)
            {
                continue;
            }

            if (!long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var number) || number > long.MaxValue / 100_000)
            {
                return CloudFsError.BadRequest($"{name} must be a whole number of {(name.EndsWith("size", StringComparison.Ordinal) ? "bytes" : "unix seconds")}");
            }

            set(number);
        }

        if (limit is < 1 or > MaxLimit)
        {
            return CloudFsError.BadRequest($"limit must be from 1 to {MaxLimit}");
        }

        SearchMarker? marker = null;
        if (Value(values, "marker") is { } token && !SearchMarker.TryDecode(token, out marker))
        {
            return CloudFsError.BadRequest("Invalid marker");
        }

        return new SearchRequest(NamePattern.Parse(Value(values, "name")), Value(values, "container"), type, minSize, maxSize,
            after, before, marker, (int)(limit ?? DefaultLimit));
    }

    // An empty value is the same as no value.
    private static string? Value(IReadOnlyDictionary<string, string> values, string name) =>
        values.TryGetValue(name, out var value) && value.Length > 0 ? value : null;
}
