namespace CloudFs.AccountServer.Data;

/// <summary>The account and container a <c>stobj</c> row belongs to (their usage moves with it).</summary>
public sealed record RowOwners(long AccountId, long ContainerId, string AccountName);
