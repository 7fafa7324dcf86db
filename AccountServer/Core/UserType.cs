namespace CloudFs.AccountServer.Core;

/// <summary>
/// What a user may do, after tempauth: admins every account (.reseller_admin), owners their own
/// account (.admin), members only what container ACLs grant them.
/// </summary>
public enum UserType
{
    Admin,
    Owner,
    Member,
}
