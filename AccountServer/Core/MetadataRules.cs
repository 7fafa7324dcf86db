using CloudFs.Common.Contracts;
using CloudFs.Common.Results;

namespace CloudFs.AccountServer.Core;

/// <summary>
/// Swift's metadata headers for accounts, containers and objects. The limits
/// (<see cref="MetadataLimits"/>) apply to the metadata a row ends up with, as Swift's account
/// and container brokers check them.
/// </summary>
public static class MetadataRules
{
    public static string Prefix(MetadataScope scope) => $"X-{scope}-Meta-";

    public static string RemovePrefix(MetadataScope scope) => $"X-Remove-{scope}-Meta-";

    /// <summary>
    /// Reads the scope's meta headers; an empty value, or X-Remove-*, removes the key, except on
    /// objects: Swift's object server keeps an empty value as given (a POST replaces all of them).
    /// </summary>
    public static MetadataChange Parse(IEnumerable<KeyValuePair<string, string>> headers, MetadataScope scope)
    {
        var set = new Dictionary<string, string>(StringComparer.Ordinal);
        var remove = new HashSet<string>(StringComparer.Ordinal);
        var prefix = Prefix(scope);
        var removePrefix = RemovePrefix(scope);
        foreach (var (key, value) in headers)
        {
            if (key.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            {
                var name = Normalize(key[prefix.Length..]);
                if (value.Length == 0 && scope != MetadataScope.Object)
                {
                    remove.Add(name);
                }
                else
                {
                    set[name] = value;
                }
            }
            else if (key.StartsWith(removePrefix, StringComparison.OrdinalIgnoreCase))
            {
                remove.Add(Normalize(key[removePrefix.Length..]));
            }
        }

        foreach (var name in set.Keys)
        {
            remove.Remove(name);
        }

        return new MetadataChange(set, remove, scope);
    }

    /// <summary>Checks one request's new names and values, then the merged total.</summary>
    public static CloudFsError? Validate(MetadataChange change, IReadOnlyDictionary<string, string> result)
    {
        var prefix = Prefix(change.Scope).ToLowerInvariant();
        foreach (var (name, value) in change.Set)
        {
            if (MetadataLimits.CheckItem(prefix, name, value) is { } error)
            {
                return error;
            }
        }

        return MetadataLimits.CheckTotals(result.Count, result.Sum(kv => MetadataLimits.Size(kv.Key, kv.Value)));
    }

    /// <summary>The header a stored name is sent back as: X-Object-Meta-Color for "color".</summary>
    public static string HeaderName(MetadataScope scope, string name) => Prefix(scope) + HeaderCase.Title(name);

    // Header names arrive in any case, and Swift treats '_' like '-'.
    private static string Normalize(string name) => name.Replace('_', '-').ToLowerInvariant();
}
