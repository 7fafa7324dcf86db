namespace CloudFs.Proxy.Auth;

/// <summary>What the access check decided for one request.</summary>
public enum AccessVerdict
{
    Allowed,

    /// <summary>Only the container's ACL can allow it; fetch the ACL and ask again.</summary>
    NeedsAcl,

    /// <summary>No (valid) token: 401.</summary>
    Unauthorized,

    /// <summary>A valid user without the right: 403.</summary>
    Forbidden,
}
