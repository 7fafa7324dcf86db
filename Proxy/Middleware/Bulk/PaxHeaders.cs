namespace CloudFs.Proxy.Middleware.Bulk;

/// <summary>
/// Maps a tar file's extended attributes to object headers, as Swift does: GNU tar's
/// <c>SCHILY.xattr.</c> and bsdtar's <c>LIBARCHIVE.xattr.</c> forms of <c>user.mime_type</c>
/// become Content-Type and <c>user.meta.*</c> become X-Object-Meta-*; others are ignored.
/// </summary>
public static class PaxHeaders
{
    private static readonly string[] Prefixes = ["SCHILY.xattr.", "LIBARCHIVE.xattr."];

    public static string? ToSwiftHeader(string paxKey)
    {
        foreach (var prefix in Prefixes)
        {
            if (paxKey == prefix + "user.mime_type")
            {
                return "Content-Type";
            }

            if (paxKey.StartsWith(prefix + "user.meta.", StringComparison.Ordinal))
            {
                return "X-Object-Meta-" + paxKey[(prefix + "user.meta.").Length..];
            }
        }

        return null;
    }
}
