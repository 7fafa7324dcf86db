namespace CloudFs.ContainerServer.Core;

/// <summary>
/// A link's sys metadata as a JSON container listing shows it (Swift's symlink_path, and for a
/// static link symlink_etag and symlink_bytes). <see cref="Target"/> and <see cref="Account"/>
/// are kept percent-encoded, as the proxy stored them.
/// </summary>
public sealed record ListingSymlink(string Target, string? Account, string? Etag, long? Bytes)
{
    // The proxy's sys metadata keys for a link (Swift's X-Object-Sysmeta-Symlink-*).
    public static readonly IReadOnlyList<string> Keys = ["symlink-target", "symlink-target-account", "symlink-target-etag", "symlink-target-bytes"];

    /// <summary>Swift's symlink_path: <c>/v1/{account}/{container}/{object}</c>, the listed account when the link names none.</summary>
    public string Path(string account) => "/v1/" + (Account ?? Uri.EscapeDataString(account)) + "/" + Target;

    /// <summary>The link from one object's sys entries; null when they hold no target.</summary>
    public static ListingSymlink? From(IReadOnlyDictionary<string, string> sys) =>
        sys.TryGetValue("symlink-target", out var target) && target.Length > 0
            ? new ListingSymlink(target,
                sys.TryGetValue("symlink-target-account", out var account) && account.Length > 0 ? account : null,
                sys.TryGetValue("symlink-target-etag", out var etag) && etag.Length > 0 ? etag : null,
                sys.TryGetValue("symlink-target-bytes", out var bytes) && long.TryParse(bytes, System.Globalization.NumberStyles.None,
                    System.Globalization.CultureInfo.InvariantCulture, out var size) ? size : null)
            : null;
}
