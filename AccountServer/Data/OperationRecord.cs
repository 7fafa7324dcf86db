namespace CloudFs.AccountServer.Data;

/// <summary>One row of the operation history.</summary>
public sealed class OperationRecord
{
    public long Id { get; init; }

    public long? UserId { get; init; }

    public string Account { get; init; } = "";

    public string Action { get; init; } = "";

    public string Path { get; init; } = "";

    public long? StobjId { get; init; }

    public long? Size { get; init; }

    public string? TransId { get; init; }

    public int Result { get; init; }

    public string? Detail { get; init; }

    public long CreatedAt { get; init; }
}
