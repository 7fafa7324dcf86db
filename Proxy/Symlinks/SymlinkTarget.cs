using System.Globalization;
using CloudFs.Common.Contracts;
using CloudFs.Common.Paths;
using CloudFs.Proxy.Paths;

namespace CloudFs.Proxy.Symlinks;

/// <summary>
/// What a link object keeps in its system metadata, in Swift's forms: the target
/// <c>container/object</c> and account percent-encoded (Python's <c>quote</c>), and for a static
/// link the target's ETag and size when it was made.
/// </summary>
public sealed record SymlinkTarget(string ContainerObject, string? Account, string? Etag, long? Bytes)
{
    // Keys of the object's sys metadata (Swift's X-Object-Sysmeta-Symlink-*).
    public const string TargetKey = "symlink-target";
    public const string AccountKey = "symlink-target-account";
    public const string EtagKey = "symlink-target-etag";
    public const string BytesKey = "symlink-target-bytes";

    /// <summary>The link an object's sys metadata describes; null for an ordinary object.</summary>
    public static SymlinkTarget? From(IReadOnlyDictionary<string, string> sys)
    {
        if (!sys.TryGetValue(TargetKey, out var target) || target.Length == 0)
        {
            return null;
        }

        return new SymlinkTarget(target,
            sys.TryGetValue(AccountKey, out var account) && account.Length > 0 ? account : null,
            sys.TryGetValue(EtagKey, out var etag) && etag.Length > 0 ? etag : null,
            sys.TryGetValue(BytesKey, out var bytes) && long.TryParse(bytes, NumberStyles.None, CultureInfo.InvariantCulture, out var size) ? size : null);
    }

    /// <summary>The commit headers that store this link with the object.</summary>
    public IEnumerable<KeyValuePair<string, string>> CommitHeaders()
    {
        yield return new(BackendHeaders.ObjectSysmetaPrefix + TargetKey, ContainerObject);
        if (Account is not null)
        {
            yield return new(BackendHeaders.ObjectSysmetaPrefix + AccountKey, Account);
        }

        if (Etag is not null)
        {
            yield return new(BackendHeaders.ObjectSysmetaPrefix + EtagKey, Etag);
            yield return new(BackendHeaders.ObjectSysmetaPrefix + BytesKey, (Bytes ?? 0).ToString(CultureInfo.InvariantCulture));
        }
    }

    /// <summary>The X-Symlink-* headers a <c>?symlink=get</c> answer shows, as stored.</summary>
    public IEnumerable<KeyValuePair<string, string>> ResponseHeaders()
    {
        yield return new("X-Symlink-Target", ContainerObject);
        if (Account is not null)
        {
            yield return new("X-Symlink-Target-Account", Account);
        }

        if (Etag is not null)
        {
            yield return new("X-Symlink-Target-Etag", Etag);
        }

        if (Bytes is { } bytes)
        {
            yield return new("X-Symlink-Target-Bytes", bytes.ToString(CultureInfo.InvariantCulture));
        }
    }

    /// <summary>Swift's Content-Location (and POST Location) for the target: <c>/v1/{account}/{container}/{object}</c>, encoded.</summary>
    public string Location(string linkAccount) => "/v1/" + (Account ?? Quote(linkAccount)) + "/" + ContainerObject;

    /// <summary>The target as a resource path; the link's own account when it names none.</summary>
    public ResourcePath? Path(string linkAccount)
    {
        var account = linkAccount;
        if (Account is not null && !PercentDecoding.TryDecodeName(Account, out account))
        {
            return null;
        }

        if (!PercentDecoding.TryDecodeName(ContainerObject, out var decoded))
        {
            return null;
        }

        var slash = decoded.IndexOf('/', StringComparison.Ordinal);
        return slash <= 0 || slash == decoded.Length - 1 ? null : new ResourcePath(account, decoded[..slash], decoded[(slash + 1)..], "");
    }

    /// <summary>Python's <c>quote</c> with '/' safe: every byte but letters, digits, <c>_.-~</c> and '/' percent-encoded.</summary>
    public static string Quote(string text) => string.Join('/', text.Split('/').Select(Uri.EscapeDataString));
}
