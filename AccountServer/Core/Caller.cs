namespace CloudFs.AccountServer.Core;

/// <summary>Who a request acts for, as the proxy vouched in X-Backend-User-* headers.</summary>
/// <param name="AclAccount">The account whose ACL the proxy found granting this caller its write (tempauth account ACLs).</param>
public sealed record Caller(long? UserId, string? User, UserType? Type, string? AclAccount = null)
{
    public static readonly Caller Anonymous = new(null, null, null);

    /// <summary>The account server acting on its own behalf (bootstrap, journal replay).</summary>
    public static readonly Caller System = new(null, "system", UserType.Admin);

    public bool IsAdmin => Type == UserType.Admin;
}
