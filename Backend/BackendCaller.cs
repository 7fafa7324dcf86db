namespace CloudFs.Backend;

/// <summary>
/// Who an internal request acts for, as sent in the X-Backend-User-* headers: the proxy's
/// validated user (its <c>Identity.AsCaller()</c>); a role acting for itself sends none.
/// </summary>
/// <param name="AclAccount">The account whose ACL the proxy found naming this user for the request (tempauth account ACLs).</param>
public sealed record BackendCaller(long UserId, string User, string Type, string? AclAccount = null);
