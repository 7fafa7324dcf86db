namespace CloudFs.AccountServer.Core;

/// <summary>An admin's change to a user; null fields stay as they are.</summary>
public sealed record UserChange(string? Key = null, string? Email = null, UserType? Type = null, bool? Enabled = null);
