namespace CloudFs.AccountServer.Data;

/// <summary>A row of the <c>user</c> table.</summary>
public sealed record UserRow(long Id, string Account, string Username, string? Email, string PasswordHash, string Type, string State);
