namespace CloudFs.AccountServer.Data;

/// <summary>A row of the <c>user</c> table.</summary>
public sealed record UserRow
{
    public long Id { get; init; }

    public string Account { get; init; } = "";

    public string Username { get; init; } = "";

    public string? Email { get; init; }

    public string PasswordHash { get; init; } = "";

    public string Type { get; init; } = "owner";

    public string State { get; init; } = "enabled";

    public string Name => $"{Account}:{Username}";
}
