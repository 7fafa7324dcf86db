using CloudFs.Proxy.Auth;

namespace CloudFs.Proxy.Backend;

/// <summary>
/// What the proxy's own rules read from an account's HEAD (Swift's <c>account_info</c>): the
/// tempauth ACL and the ratelimit filter's global write rate (a number, WHITELIST or BLACKLIST).
/// </summary>
public sealed record AccountInfo(AccountAcl? Acl, string? GlobalWriteRatelimit)
{
    /// <summary>An account that does not exist (or could not be read).</summary>
    public static readonly AccountInfo Missing = new(null, null);
}
