using CloudFs.Proxy.Paths;

namespace CloudFs.Proxy.Auth;

/// <summary>
/// Who may do what: admins everything, an account's owner everything in it, everyone else
/// (members, owners of other accounts, anonymous) only what a container ACL grants.
/// </summary>
public static class AccessPolicy
{
    public static AccessVerdict Decide(Identity? who, ResourcePath path)
    {
        if (who is not null && who.Owns(path.Account))
        {
            return AccessVerdict.Allowed;
        }

        return path.Level == ResourceLevel.Account ? Deny(who) : AccessVerdict.NeedsAcl;
    }

    public static AccessVerdict DecideWithAcl(Identity? who, ResourcePath path, string method, ContainerAcl acl)
    {
        var read = method is "GET" or "HEAD";
        var allowed = path.Level switch
        {
            ResourceLevel.Container => read && acl.AllowsListing(who),
            ResourceLevel.Object when read => acl.AllowsObjectRead(who),
            ResourceLevel.Object => method is "PUT" or "POST" or "DELETE" or "COPY" && acl.AllowsWrite(who),
            _ => false,
        };
        return allowed ? AccessVerdict.Allowed : Deny(who);
    }

    private static AccessVerdict Deny(Identity? who) => who is null ? AccessVerdict.Unauthorized : AccessVerdict.Forbidden;
}
