using CloudFs.Proxy.Paths;

namespace CloudFs.Proxy.Auth;

/// <summary>
/// Who may do what: admins everything, an account's owner everything in it, everyone else
/// (members, owners of other accounts, anonymous) only what a container ACL grants.
/// </summary>
public static class AccessPolicy
{
    /// <param name="method">The request's method; null for a read (the static web check).</param>
    public static AccessVerdict Decide(Identity? who, ResourcePath path, string? method = null)
    {
        // tempauth: an owner may do anything in the account except PUT or DELETE the account
        // itself, which only a reseller admin (here a cluster admin) may try.
        var accountItself = path.Level == ResourceLevel.Account && method is "PUT" or "DELETE";
        if (who is not null && who.Owns(path.Account) && (who.IsAdmin || !accountItself))
        {
            return AccessVerdict.Allowed;
        }

        return path.Level == ResourceLevel.Account ? Deny(who) : AccessVerdict.NeedsAcl;
    }

    /// <summary>tempauth's container ACL check; <paramref name="referer"/> is the request's Referer header.</summary>
    public static AccessVerdict DecideWithAcl(Identity? who, ResourcePath path, string method, ContainerAcl acl, string? referer)
    {
        ArgumentNullException.ThrowIfNull(acl);
        var read = method is "GET" or "HEAD";
        var allowed = path.Level switch
        {
            ResourceLevel.Container => read && acl.AllowsListing(who, referer),
            ResourceLevel.Object when read => acl.AllowsObjectRead(who, referer),
            ResourceLevel.Object => method is "PUT" or "POST" or "DELETE" or "COPY" && acl.AllowsWrite(who),
            _ => false,
        };
        return allowed ? AccessVerdict.Allowed : Deny(who);
    }

    /// <summary>
    /// tempauth's account ACL check, made when neither ownership nor a container ACL allowed
    /// the request: admins may do anything, read-write users anything below the account and
    /// GET/HEAD on it, read-only users GET/HEAD. Otherwise <paramref name="denied"/> stands.
    /// </summary>
    public static AccessVerdict DecideWithAccountAcl(Identity who, ResourcePath path, string method, AccountAcl? acl, AccessVerdict denied)
    {
        if (acl is null)
        {
            return denied;
        }

        var read = method is "GET" or "HEAD";
        if (AccountAcl.Names(acl.Admin, who))
        {
            return AccessVerdict.AllowedAsAccountAdmin;
        }

        if (AccountAcl.Names(acl.ReadWrite, who) && (path.Level != ResourceLevel.Account || read))
        {
            return AccessVerdict.AllowedByAccountAcl;
        }

        return AccountAcl.Names(acl.ReadOnly, who) && read ? AccessVerdict.AllowedByAccountAcl : denied;
    }

    private static AccessVerdict Deny(Identity? who) => who is null ? AccessVerdict.Unauthorized : AccessVerdict.Forbidden;
}
