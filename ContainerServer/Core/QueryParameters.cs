using CloudFs.Common.Paths;

namespace CloudFs.ContainerServer.Core;

/// <summary>
/// A raw query string read as Swift reads it (urllib parse_qsl, blank values kept, '+' is a
/// space, the last value of a repeated name wins); names whose value is not UTF-8 are kept
/// apart so only the parameters a handler uses can fail the request.
/// </summary>
public sealed class QueryParameters
{
    private QueryParameters(Dictionary<string, string> values, HashSet<string> invalid)
    {
        Values = values;
        Invalid = invalid;
    }

    public IReadOnlyDictionary<string, string> Values { get; }

    public IReadOnlySet<string> Invalid { get; }

    /// <summary>Parses "a=1&amp;b=%C3%A9" (with or without the leading '?').</summary>
    public static QueryParameters Parse(string? rawQuery)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var invalid = new HashSet<string>(StringComparer.Ordinal);
        var query = (rawQuery ?? "").TrimStart('?');
        foreach (var pair in query.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            var rawName = equals < 0 ? pair : pair[..equals];
            var rawValue = equals < 0 ? "" : pair[(equals + 1)..];
            if (!PercentDecoding.TryDecode(rawName, plusIsSpace: true, out var name))
            {
                continue;
            }

            if (PercentDecoding.TryDecode(rawValue, plusIsSpace: true, out var value))
            {
                values[name] = value;
                invalid.Remove(name);
            }
            else
            {
                values.Remove(name);
                invalid.Add(name);
            }
        }

        return new QueryParameters(values, invalid);
    }
}
