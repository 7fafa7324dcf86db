using CloudFs.Ring;

namespace CloudFs.ObjectServer.Replication;

/// <summary>
/// One local partition to replicate: where it is, the ring's primaries it must reach, and whether
/// this device is one of them. A partition held where the ring no longer puts it (a handoff, or
/// the old place after a rebalance) is pushed to every primary and then removed here.
/// </summary>
public sealed record PartitionJob(int Policy, string Device, int Partition, bool IsPrimary, IReadOnlyList<RingDevice> Targets)
{
    public override string ToString() => $"{Device}/{Partition} (policy {Policy}, {(IsPrimary ? "primary" : "handoff")})";
}
