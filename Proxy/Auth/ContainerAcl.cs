using CloudFs.Common.Paths;
using CloudFs.Common.Text;

namespace CloudFs.Proxy.Auth;

/// <summary>
/// A container's <c>X-Container-Read</c> and <c>X-Container-Write</c> ACLs as tempauth reads
/// them (<c>parse_acl</c>, <c>referrer_allowed</c>, <c>authorize</c>): comma-separated entries,
/// either referrer designations <c>.r:[-]host</c> (<c>*</c>, a host, or a domain with a
/// leading dot; <c>-</c> denies, applied in order) or groups, which must equal one of the
/// user's tempauth groups (<see cref="Groups"/>). <c>.rlistings</c> lets the allowed referrers
/// list the container too. Values are cleaned by <see cref="ContainerAclSyntax"/> when set.
/// </summary>
public sealed class ContainerAcl
{
    public static readonly ContainerAcl None = new(null, null);

    private readonly (List<string> Referrers, List<string> Groups) _read;
    private readonly (List<string> Referrers, List<string> Groups) _write;

    private ContainerAcl(string? read, string? write)
    {
        _read = Split(Cleaned("X-Container-Read", read));
        _write = Split(Cleaned("X-Container-Write", write));
    }

    public static ContainerAcl Parse(string? read, string? write) => new(read, write);

    /// <summary>An object GET/HEAD: a referrer the read ACL allows, or one of the user's groups in it.</summary>
    public bool AllowsObjectRead(Identity? who, string? referer) =>
        ReferrerAllowed(referer, _read.Referrers) || Names(_read.Groups, who);

    /// <summary>A container GET/HEAD: an allowed referrer when the read ACL has <c>.rlistings</c>, or one of the user's groups.</summary>
    public bool AllowsListing(Identity? who, string? referer) =>
        (ReferrerAllowed(referer, _read.Referrers) && _read.Groups.Contains(".rlistings")) || Names(_read.Groups, who);

    /// <summary>
    /// An object write: one of the user's groups in the write ACL. Referrers are refused there
    /// when the ACL is set; one stored before CloudFs checked ACLs still grants nothing.
    /// </summary>
    public bool AllowsWrite(Identity? who) => Names(_write.Groups, who);

    /// <summary>
    /// tempauth's groups of a user: its account, <c>account:user</c>, and for an account's
    /// admins (<c>.admin</c>, CloudFs's owners and admins) the storage account <c>AUTH_account</c>.
    /// </summary>
    public static IReadOnlyList<string> Groups(Identity who)
    {
        ArgumentNullException.ThrowIfNull(who);
        return who.Type is "owner" or "admin" ? [who.AccountGroup, who.User, who.Account] : [who.AccountGroup, who.User];
    }

    /// <summary>tempauth's <c>referrer_allowed</c>: the last matching designation decides; none allows nothing.</summary>
    public static bool ReferrerAllowed(string? referer, IReadOnlyList<string> referrers)
    {
        ArgumentNullException.ThrowIfNull(referrers);
        if (referrers.Count == 0)
        {
            return false;
        }

        var host = PythonUrl.Split(referer ?? "").Host ?? "unknown";
        var allow = false;
        foreach (var designation in referrers)
        {
            if (designation.StartsWith('-'))
            {
                if (Matches(designation[1..], host))
                {
                    allow = false;
                }
            }
            else if (designation == "*" || Matches(designation, host))
            {
                allow = true;
            }
        }

        return allow;
    }

    private static bool Matches(string designation, string host) =>
        designation == host || (designation.StartsWith('.') && host.EndsWith(designation, StringComparison.Ordinal));

    private static bool Names(List<string> groups, Identity? who) => who is not null && Groups(who).Any(groups.Contains);

    // Values are cleaned when set; one stored before CloudFs cleaned them is read as Swift would have stored it.
    private static string? Cleaned(string header, string? acl) =>
        acl is not null && ContainerAclSyntax.Clean(header, acl) is { IsSuccess: true } cleaned ? cleaned.Value : acl;

    // parse_acl: ".r:" entries are referrers, the rest groups (percent-decoded, as tempauth unquotes them).
    private static (List<string> Referrers, List<string> Groups) Split(string? acl)
    {
        var referrers = new List<string>();
        var groups = new List<string>();
        if (string.IsNullOrEmpty(acl))
        {
            return (referrers, groups);
        }

        foreach (var value in acl.Split(','))
        {
            if (value.StartsWith(".r:", StringComparison.Ordinal))
            {
                referrers.Add(value[3..]);
            }
            else
            {
                groups.Add(PercentDecoding.TryDecode(value, plusIsSpace: false, out var decoded) ? decoded : value);
            }
        }

        return (referrers, groups);
    }
}
