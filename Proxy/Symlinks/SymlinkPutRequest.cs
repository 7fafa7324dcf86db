using CloudFs.Common.Paths;
using CloudFs.Common.Results;
using CloudFs.Proxy.Paths;

namespace CloudFs.Proxy.Symlinks;

/// <summary>
/// A PUT's X-Symlink-Target, -Account and -Etag checked as Swift's symlink middleware checks
/// them, with its statuses and texts: the link to store, where it points, and the ETag a
/// static link promises.
/// </summary>
public sealed record SymlinkPutRequest(SymlinkTarget Link, ResourcePath Target)
{
    private const string FormMessage = "X-Symlink-Target header must be of the form <container name>/<object name>";

    public static Outcome<SymlinkPutRequest> Parse(string target, string? account, string? etag, ResourcePath link)
    {
        if (!PercentDecoding.TryDecodeName(target, out var decoded))
        {
            return new CloudFsError(CloudFsErrorKind.PreconditionFailed, "Invalid UTF8 or contains NULL");
        }

        // A leading slash is refused as text/plain; every other bad form comes from Swift's
        // check_path_header, as swob's text/html.
        if (decoded.StartsWith('/'))
        {
            return CloudFsError.Plain(CloudFsErrorKind.PreconditionFailed, FormMessage);
        }

        var slash = decoded.IndexOf('/', StringComparison.Ordinal);
        if (slash <= 0 || slash == decoded.Length - 1)
        {
            return new CloudFsError(CloudFsErrorKind.PreconditionFailed, FormMessage);
        }

        var (container, obj) = (decoded[..slash], decoded[(slash + 1)..]);
        var targetAccount = link.Account;
        string? quotedAccount = null;
        if (account is not null)
        {
            if (!PercentDecoding.TryDecodeName(account, out var decodedAccount))
            {
                return new CloudFsError(CloudFsErrorKind.PreconditionFailed, "Invalid UTF8 or contains NULL");
            }

            if (decodedAccount.Length == 0)
            {
                return new CloudFsError(CloudFsErrorKind.PreconditionFailed, "Account name cannot be empty");
            }

            if (decodedAccount.Contains('/', StringComparison.Ordinal))
            {
                return new CloudFsError(CloudFsErrorKind.PreconditionFailed, "Account name cannot contain slashes");
            }

            targetAccount = decodedAccount;
            quotedAccount = SymlinkTarget.Quote(decodedAccount);
        }

        if (targetAccount == link.Account && container == link.Container && obj == link.Object)
        {
            return CloudFsError.Plain(CloudFsErrorKind.BadRequest, "Symlink cannot target itself");
        }

        // swob's normalize_etag: one pair of surrounding quotes goes.
        var promised = etag is { Length: > 1 } quoted && quoted.StartsWith('"') && quoted.EndsWith('"') ? etag[1..^1] : etag;
        if (promised is { Length: > 0 } && promised.AsSpan().IndexOfAny(";\"\\") >= 0)
        {
            return CloudFsError.Plain(CloudFsErrorKind.BadRequest, "Bad X-Symlink-Target-Etag format");
        }

        var stored = new SymlinkTarget(SymlinkTarget.Quote(container + "/" + obj), quotedAccount, promised is { Length: > 0 } ? promised : null, null);
        return new SymlinkPutRequest(stored, new ResourcePath(targetAccount, container, obj, ""));
    }
}
