namespace CloudFs.Ring;

/// <summary>Bounds shared by the builder, the ring file reader and the CLI.</summary>
public static class RingLimits
{
    /// <summary>Smallest partition power (2 partitions).</summary>
    public const int MinPartPower = 1;

    /// <summary>Largest partition power; 2^24 partitions × 3 replicas is already ~100 MB of table.</summary>
    public const int MaxPartPower = 24;

    /// <summary>Largest replica count.</summary>
    public const int MaxReplicas = 64;

    /// <summary>Device ids are stored as ushort; 0xFFFF marks an empty slot, so it is never an id.</summary>
    public const int MaxDeviceId = ushort.MaxValue - 1;

    /// <summary>The table value of a slot that has no device yet.</summary>
    public const ushort NoDevice = ushort.MaxValue;
}
