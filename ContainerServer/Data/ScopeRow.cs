namespace CloudFs.ContainerServer.Data;

/// <summary>
/// An account or container row with its usage and quota, one row per metadata entry (the
/// metadata arrives by LEFT JOIN so the whole answer is one query).
/// </summary>
public sealed class ScopeRow
{
    public long AccountId { get; set; }

    public string AccountState { get; set; } = "";

    public long? ContainerId { get; set; }

    public string? ContainerState { get; set; }

    public long XTimestamp { get; set; }

    /// <summary>A container's storage policy (0 on account rows).</summary>
    public int PolicyIndex { get; set; }

    public long? UsedBytes { get; set; }

    public long? UsedObjects { get; set; }

    public long? MaxBytes { get; set; }

    public long? MaxObjects { get; set; }

    public long ContainerCount { get; set; }

    public string? MetaKind { get; set; }

    public string? MetaName { get; set; }

    public string? MetaValue { get; set; }
}
