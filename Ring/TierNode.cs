namespace CloudFs.Ring;

/// <summary>
/// One node of the failure-domain tree the builder plans over: root → region → zone → ip →
/// device. Each node knows its weight, how many devices sit below it, how many replica
/// assignments it should hold (Target) and how many it holds now (Assigned).
/// </summary>
internal sealed class TierNode(TierNode? parent, int level, ulong rank)
{
    public const int RegionLevel = 1;
    public const int ZoneLevel = 2;
    public const int IpLevel = 3;
    public const int DeviceLevel = 4;

    public TierNode? Parent { get; } = parent;

    public int Level { get; } = level;

    /// <summary>A seeded tie-break, so equal candidates are picked in a seed-dependent but fixed order.</summary>
    public ulong Rank { get; } = rank;

    public List<TierNode> Children { get; } = [];

    public double Weight { get; set; }

    public int DeviceCount { get; set; }

    public int DeviceId { get; init; } = -1;

    public int Target { get; set; }

    public int Assigned { get; private set; }

    /// <summary>For a device: its ancestors by level (index 0 = root, 4 = the device itself).</summary>
    public TierNode[] Path { get; set; } = [];

    public int Want => Target - Assigned;

    public void AddAssigned(int delta)
    {
        for (var n = this; n is not null; n = n.Parent)
        {
            n.Assigned += delta;
        }
    }
}
