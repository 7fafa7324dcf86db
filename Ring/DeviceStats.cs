namespace CloudFs.Ring;

/// <summary>One device's share of a ring.</summary>
/// <param name="Device">The device.</param>
/// <param name="Assignments">Replica slots it holds (partitions, counting each replica).</param>
/// <param name="WantedByWeight">What its weight alone would give it.</param>
/// <param name="Balance">Percent above (+) or below (-) its weight share; 0 for an unused zero-weight device.</param>
/// <param name="PendingRemoval">Marked for removal at the next rebalance.</param>
public sealed record DeviceStats(RingDevice Device, int Assignments, double WantedByWeight, double Balance, bool PendingRemoval);
