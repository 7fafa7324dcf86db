namespace CloudFs.Ring;

/// <summary>Balance and dispersion of a ring.</summary>
/// <param name="Devices">Per-device figures, by id.</param>
/// <param name="Balance">The largest |balance| of any device, in percent (Swift's "balance").</param>
/// <param name="BadlySpreadPartitions">Partitions whose replicas are less spread over regions, zones and ips than the devices allow.</param>
/// <param name="Dispersion">BadlySpreadPartitions as a percentage of all partitions.</param>
public sealed record RingStats(IReadOnlyList<DeviceStats> Devices, double Balance, int BadlySpreadPartitions, double Dispersion);
