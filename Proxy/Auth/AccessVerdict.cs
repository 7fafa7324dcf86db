namespace CloudFs.Proxy.Auth;

/// <summary>What the access check decided for one request.</summary>
public enum AccessVerdict
{
    Allowed,

    /// <summary>Only the container's ACL can allow it; fetch the ACL and ask again.</summary>
    NeedsAcl,

    /// <summary>The account's ACL lets this user read (read-only) or also write containers and objects (read-write); not an owner.</summary>
    AllowedByAccountAcl,

    /// <summary>The account's ACL names this user an admin: everything an owner may do.</summary>
    AllowedAsAccountAdmin,

    /// <summary>No (valid) token: 401.</summary>
    Unauthorized,

    /// <summary>A valid user without the right: 403.</summary>
    Forbidden,
}
