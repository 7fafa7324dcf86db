namespace CloudFs.AccountServer.Data;

/// <summary>A <c>host_alert</c> row: an alert a host raised in its last report.</summary>
public sealed record HostAlertRow
{
    public long HostId { get; init; }

    public string Kind { get; init; } = "";

    public string Subject { get; init; } = "";

    public string Detail { get; init; } = "";

    public long Since { get; init; }
}

/// <summary>A <c>host_net</c> row.</summary>
public sealed record HostNetRow
{
    public string Iface { get; init; } = "";

    public string? Address { get; init; }

    public int? SpeedMbps { get; init; }
}

/// <summary>A <c>host_disk</c> row.</summary>
public sealed record HostDiskRow
{
    public string Device { get; init; } = "";

    public string Path { get; init; } = "";

    public long TotalBytes { get; init; }
}
