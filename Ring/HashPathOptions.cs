namespace CloudFs.Ring;

/// <summary>
/// The cluster secret mixed into every placement hash (Swift's swift_hash_path_prefix/suffix).
/// Two clusters with different values place the same names differently; changing them on a
/// live cluster moves every name, so they are set once in config and never edited.
/// </summary>
public sealed record HashPathOptions(string Prefix, string Suffix)
{
    /// <summary>No secret at all: only for tests and throw-away local clusters.</summary>
    public static HashPathOptions None { get; } = new(string.Empty, string.Empty);
}
