using System.Text;
using CloudFs.Common.Results;

namespace CloudFs.AccountServer.Core;

/// <summary>
/// Swift's metadata headers and limits (constraints.py): at most 90 items, names up to 128
/// bytes, values up to 256 bytes, 4096 bytes of names and values in all. Limits apply to the
/// metadata a row ends up with, as Swift's account and container brokers check them.
/// </summary>
public static class MetadataRules
{
    public const int MaxCount = 90;
    public const int MaxNameLength = 128;
    public const int MaxValueLength = 256;
    public const int MaxOverallSize = 4096;

    public static string Prefix(MetadataScope scope) => $"X-{scope}-Meta-";

    public static string RemovePrefix(MetadataScope scope) => $"X-Remove-{scope}-Meta-";

    /// <summary>Reads the scope's meta headers; an empty value, or X-Remove-*, removes the key.</summary>
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
                if (value.Length == 0)
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

        return new MetadataChange(set, remove);
    }

    /// <summary>Checks one request's new names and values, then the merged total.</summary>
    public static CloudFsError? Validate(MetadataChange change, IReadOnlyDictionary<string, string> result)
    {
        foreach (var (name, value) in change.Set)
        {
            if (name.Length == 0)
            {
                return CloudFsError.BadRequest("Metadata name cannot be empty");
            }

            if (Encoding.UTF8.GetByteCount(name) > MaxNameLength)
            {
                return CloudFsError.BadRequest($"Metadata name too long: {name}; max {MaxNameLength}");
            }

            if (Encoding.UTF8.GetByteCount(value) > MaxValueLength)
            {
                return CloudFsError.BadRequest($"Metadata value longer than {MaxValueLength}: {name}");
            }
        }

        if (result.Count > MaxCount)
        {
            return CloudFsError.BadRequest($"Too many metadata items; max {MaxCount}");
        }

        var size = result.Sum(kv => Encoding.UTF8.GetByteCount(kv.Key) + Encoding.UTF8.GetByteCount(kv.Value));
        return size > MaxOverallSize ? CloudFsError.BadRequest($"Total metadata too large; max {MaxOverallSize}") : null;
    }

    /// <summary>The header a stored name is sent back as: X-Object-Meta-Color for "color".</summary>
    public static string HeaderName(MetadataScope scope, string name) => Prefix(scope) + TitleCase(name);

    // Header names arrive in any case, and Swift treats '_' like '-'.
    private static string Normalize(string name) => name.Replace('_', '-').ToLowerInvariant();

    private static string TitleCase(string name)
    {
        var chars = name.ToCharArray();
        var upper = true;
        for (var i = 0; i < chars.Length; i++)
        {
            chars[i] = upper ? char.ToUpperInvariant(chars[i]) : chars[i];
            upper = chars[i] == '-';
        }

        return new string(chars);
    }
}
