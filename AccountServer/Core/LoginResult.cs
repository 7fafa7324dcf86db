namespace CloudFs.AccountServer.Core;

/// <summary>A fresh token and what it grants.</summary>
public sealed record LoginResult(string Token, string Account, DateTimeOffset ExpiresAt);
