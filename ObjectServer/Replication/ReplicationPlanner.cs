using CloudFs.Ring;

namespace CloudFs.ObjectServer.Replication;

/// <summary>Decides, from the ring alone, where a local partition's entries belong.</summary>
public static class ReplicationPlanner
{
    /// <summary>
    /// The job for partition <paramref name="partition"/> of local <paramref name="device"/>;
    /// <paramref name="isThisServer"/> says which ring devices live on this server. Null when the
    /// ring has no such partition (a part power change), which the replicator leaves alone
    /// rather than guess.
    /// </summary>
    public static PartitionJob? Plan(HashRing ring, Func<RingDevice, bool> isThisServer, int policy, string device, int partition)
    {
        ArgumentNullException.ThrowIfNull(ring);
        ArgumentNullException.ThrowIfNull(isThisServer);
        if ((uint)partition >= (uint)ring.PartitionCount)
        {
            return null;
        }

        bool IsThisDevice(RingDevice n) => n.Device == device && isThisServer(n);
        var primaries = ring.GetPrimaries(partition);
        var targets = primaries.Where(n => !IsThisDevice(n)).DistinctBy(n => n.Id).ToList();
        return new PartitionJob(policy, device, partition, primaries.Any(IsThisDevice), targets);
    }
}
