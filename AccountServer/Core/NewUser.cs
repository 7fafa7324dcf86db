namespace CloudFs.AccountServer.Core;

/// <summary>A user to create: <c>account:user</c>, its key (password), type and optional email.</summary>
public sealed record NewUser(string Account, string Username, string Key, UserType Type, string? Email = null);
