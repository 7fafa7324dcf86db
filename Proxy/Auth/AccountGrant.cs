namespace CloudFs.Proxy.Auth;

/// <summary>
/// Set on a request whose user an account ACL lets write (read-write or admin): the account
/// server is told so (<c>X-Backend-Acl-Account</c>) and lets that user manage the account's containers.
/// </summary>
public sealed record AccountGrant(string Account);
