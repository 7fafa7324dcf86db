namespace CloudFs.Ring;

/// <summary>What a rebalance did.</summary>
/// <param name="MovedAssignments">Replica slots that changed device (data that has to travel).</param>
/// <param name="MovedPartitions">Partitions with at least one moved replica.</param>
/// <param name="FilledAssignments">Empty slots that got a device (a new ring, or more replicas).</param>
/// <param name="RemovedDevices">Devices dropped from the ring because they were marked for removal.</param>
/// <param name="Stats">Balance and dispersion after the rebalance.</param>
public sealed record RebalanceResult(int MovedAssignments, int MovedPartitions, int FilledAssignments, int RemovedDevices, RingStats Stats)
{
    /// <summary>False when the rebalance changed nothing at all.</summary>
    public bool Changed => MovedAssignments > 0 || FilledAssignments > 0 || RemovedDevices > 0;
}
