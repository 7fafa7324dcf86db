using CloudFs.Backend;

namespace CloudFs.Proxy.Auth;

/// <summary>A validated token's user, as the account server's <c>/auth/validate</c> describes it.</summary>
public sealed record Identity(long UserId, string User, string Account, string Type, long ExpiresAt)
{
    /// <summary>This user as internal requests name it.</summary>
    public BackendCaller AsCaller() => new(UserId, User, Type);

    public bool IsAdmin => Type == "admin";

    /// <summary>True when this user may do anything in <paramref name="account"/> without an ACL.</summary>
    public bool Owns(string account) => IsAdmin || (Type == "owner" && string.Equals(Account, account, StringComparison.Ordinal));

    /// <summary>The tempauth account part of <c>account:user</c>.</summary>
    public string AccountGroup => User.Split(':', 2)[0];

    public string UserName => User.Split(':', 2) is [_, var name] ? name : User;
}
