using CloudFs.AccountServer.Data;
using CloudFs.Common.Results;

namespace CloudFs.AccountServer.Core;

/// <summary>The resource firewall and ownership rules, in one place.</summary>
public static class Access
{
    public static CloudFsError Forbidden(string? message = null) => new(CloudFsErrorKind.Forbidden, message);

    /// <summary>Disabled rows (and everything under them) are off limits to all but admins.</summary>
    public static bool Blocks(Caller caller, StobjRow? row) => row is { IsDisabled: true } && !caller.IsAdmin;

    /// <summary>The owner of <paramref name="account"/> (or an admin, or a user its account ACL grants writes) may manage it.</summary>
    public static bool CanManage(Caller caller, string account) =>
        caller.IsAdmin || (caller.Type == UserType.Owner && caller.User is { } user && "AUTH_" + user.Split(':')[0] == account)
        || string.Equals(caller.AclAccount, account, StringComparison.Ordinal);
}
