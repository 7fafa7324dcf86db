namespace CloudFs.AccountServer.Core;

/// <summary>
/// System metadata an account POST sets (null: untouched, empty: cleared): tempauth's ACL, and
/// the ratelimit filter's X-Account-Sysmeta-Global-Write-Ratelimit, which only admins may set
/// (Swift lets only internal clients set sysmeta).
/// </summary>
public sealed record AccountSystemChange(string? Acl, string? GlobalWriteRatelimit)
{
    public const string GlobalWriteRatelimitHeader = "X-Account-Sysmeta-Global-Write-Ratelimit";

    public const string GlobalWriteRatelimitName = "global-write-ratelimit";
}
