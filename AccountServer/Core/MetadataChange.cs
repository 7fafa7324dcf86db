namespace CloudFs.AccountServer.Core;

/// <summary>
/// User metadata a request sets (name → value) and removes (empty value or X-Remove-*).
/// Names are lower case, without the X-{Scope}-Meta- prefix.
/// </summary>
public sealed record MetadataChange(IReadOnlyDictionary<string, string> Set, IReadOnlyCollection<string> Remove, MetadataScope Scope = MetadataScope.Object)
{
    public static readonly MetadataChange None = new(new Dictionary<string, string>(), []);

    public bool IsEmpty => Set.Count == 0 && Remove.Count == 0;

    /// <summary>The metadata after this change is merged into <paramref name="current"/> (account/container POST).</summary>
    public Dictionary<string, string> MergeInto(IReadOnlyDictionary<string, string> current)
    {
        var merged = new Dictionary<string, string>(current, StringComparer.Ordinal);
        foreach (var name in Remove)
        {
            merged.Remove(name);
        }

        foreach (var (name, value) in Set)
        {
            merged[name] = value;
        }

        return merged;
    }
}
