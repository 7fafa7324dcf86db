namespace CloudFs.Ring;

/// <summary>Computes <see cref="RingStats"/> for a builder's devices and table.</summary>
internal static class RingStatsCalculator
{
    public static RingStats Compute(IReadOnlyCollection<RingDevice> devices, IReadOnlySet<int> removing, ushort[][]? table, int partitions, int replicas)
    {
        var counts = new int[(devices.Count == 0 ? 0 : devices.Max(d => d.Id)) + 1];
        foreach (var row in table ?? [])
        {
            foreach (var id in row)
            {
                if (id < counts.Length)
                {
                    counts[id]++;
                }
            }
        }

        var active = devices.Where(d => d.Weight > 0 && !removing.Contains(d.Id)).ToArray();
        var totalWeight = active.Sum(d => d.Weight);
        var slots = (double)partitions * replicas;
        var stats = new List<DeviceStats>();
        foreach (var d in devices)
        {
            var n = counts[d.Id];
            var wanted = d.Weight > 0 && totalWeight > 0 ? slots * d.Weight / totalWeight : 0;
            // Swift's convention: a device that should be empty but is not shows as 999.99% off.
            var balance = wanted > 0 ? 100.0 * ((n / wanted) - 1) : n > 0 ? 999.99 : 0;
            stats.Add(new DeviceStats(d, n, wanted, balance, removing.Contains(d.Id)));
        }

        var bad = table is null || active.Length == 0 ? 0 : CountBadlySpread(active, table, partitions, replicas);
        var max = stats.Count == 0 ? 0 : stats.Max(s => Math.Abs(s.Balance));
        return new RingStats(stats, max, bad, 100.0 * bad / partitions);
    }

    private static int CountBadlySpread(RingDevice[] active, ushort[][] table, int partitions, int replicas)
    {
        var tree = TierTree.Build(active, partitions, replicas, new SeededRandom(0));
        var leaves = new TierNode?[replicas];
        var bad = 0;
        for (var p = 0; p < partitions; p++)
        {
            for (var r = 0; r < replicas; r++)
            {
                leaves[r] = tree.Leaf(table[r][p]);
            }

            if (DispersionRule.FindExcess(leaves) >= 0)
            {
                bad++;
            }
        }

        return bad;
    }
}
