namespace CloudFs.Proxy.Routing;

/// <summary>Swift's quorum arithmetic for replicated writes.</summary>
public static class Quorum
{
    /// <summary>A majority: 1 of 1, 2 of 2, 2 of 3, 3 of 4, 3 of 5.</summary>
    public static int Size(int replicas) => replicas <= 0 ? 1 : (replicas / 2) + 1;

    /// <summary>True once <paramref name="successes"/> make the write durable.</summary>
    public static bool IsMet(int successes, int replicas) => successes >= Size(replicas);

    /// <summary>True when the write can still reach quorum with the replicas still in flight.</summary>
    public static bool IsReachable(int successes, int stillRunning, int replicas) => successes + stillRunning >= Size(replicas);
}
