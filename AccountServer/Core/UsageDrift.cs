namespace CloudFs.AccountServer.Core;

/// <summary>An account's or container's usage counters next to the sums of its object rows.</summary>
public sealed class UsageDrift
{
    public long StobjId { get; init; }

    public string Type { get; init; } = "";

    public long CountedBytes { get; init; }

    public long CountedObjects { get; init; }

    public long ActualBytes { get; init; }

    public long ActualObjects { get; init; }

    public bool Drifts => CountedBytes != ActualBytes || CountedObjects != ActualObjects;
}
