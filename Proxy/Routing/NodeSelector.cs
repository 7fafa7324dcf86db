using CloudFs.Backend;
using CloudFs.Ring;

namespace CloudFs.Proxy.Routing;

/// <summary>Orders the nodes to try for one partition: healthy primaries, healthy handoffs, then the rest.</summary>
public sealed class NodeSelector(NodeErrorLimiter limiter)
{
    /// <summary>Nodes to read from, in order; at most twice the replica count.</summary>
    public IReadOnlyList<RingDevice> ForRead(HashRing ring, int partition)
    {
        var primaries = ring.GetPrimaries(partition);
        var healthy = primaries.Where(n => !limiter.IsLimited(n)).ToList();
        var handoffs = ring.GetHandoffs(partition).Where(n => !limiter.IsLimited(n)).Take(primaries.Count);
        return healthy.Concat(handoffs).Concat(primaries.Where(limiter.IsLimited)).Distinct().ToList();
    }

    /// <summary>
    /// Nodes to write one replica each: every primary, a limited primary replaced by the next
    /// healthy handoff (Swift's handoff on write).
    /// </summary>
    public IReadOnlyList<RingDevice> ForReplicaWrite(HashRing ring, int partition)
    {
        var primaries = ring.GetPrimaries(partition);
        using var handoffs = ring.GetHandoffs(partition).Where(n => !limiter.IsLimited(n)).GetEnumerator();
        var nodes = new List<RingDevice>(primaries.Count);
        foreach (var primary in primaries)
        {
            nodes.Add(limiter.IsLimited(primary) && handoffs.MoveNext() ? handoffs.Current : primary);
        }

        return nodes;
    }

    /// <summary>The node that serialises an account's catalog writes, then the others to fall back on.</summary>
    public IReadOnlyList<RingDevice> ForAccountWrite(HashRing ring, int partition)
    {
        var writers = ring.GetWriters(partition);
        return writers.Where(n => !limiter.IsLimited(n)).Concat(writers.Where(limiter.IsLimited)).ToList();
    }
}
