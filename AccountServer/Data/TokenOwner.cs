namespace CloudFs.AccountServer.Data;

/// <summary>Who a token belongs to (expiry in unix ms).</summary>
public sealed class TokenOwner
{
    public long UserId { get; init; }

    public string Account { get; init; } = "";

    public string Username { get; init; } = "";

    public string Type { get; init; } = "";

    public long ExpiresAt { get; init; }
}
