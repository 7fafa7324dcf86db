namespace CloudFs.AccountServer.Data;

/// <summary>A <c>host</c> row with its CPU and memory inventory: one role server as it last reported.</summary>
public sealed record HostRow
{
    public long Id { get; init; }

    public string NodeId { get; init; } = "";

    public string Hostname { get; init; } = "";

    public string Role { get; init; } = "";

    public string Address { get; init; } = "";

    public int Port { get; init; }

    public string Version { get; init; } = "";

    public long StartedAt { get; init; }

    public long LastSeen { get; init; }

    public int IntervalSeconds { get; init; }

    public int LastSeq { get; init; }

    public int? Cores { get; init; }

    public string? Model { get; init; }

    public long? MemTotalBytes { get; init; }
}
