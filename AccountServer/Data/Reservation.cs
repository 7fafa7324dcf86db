namespace CloudFs.AccountServer.Data;

/// <summary>Quota room held for one admitted upload until its commit or expiry (unix ms).</summary>
public sealed class Reservation
{
    public string Id { get; init; } = "";

    public long AccountId { get; init; }

    public long ContainerId { get; init; }

    public long Bytes { get; init; }

    public long Objects { get; init; }

    public long ExpiresAt { get; init; }
}
