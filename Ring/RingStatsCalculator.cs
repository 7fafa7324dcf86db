namespace CloudFs.Ring;

/// <summary>Computes <see cref="RingStats"/> for a builder's devices and table.</summary>
internal static class RingStatsCalculator
{
    public static RingStats Compute(IReadOnlyCollection<RingDevice> devices, IReadOnlySet<int> removing, ushort[][]? table, int partitions, int replicas)
    {
        var counts = new int[(devices.Count == 0 ? 0 : devices.Max(d => d.Id)) + 1];
        foreach (ushort[] row in table ?? [])
        {
            foreach (ushort id in row)
            {
                if (id < counts.Length)
                {
                    counts[id]++;
                }
            }
        }

        RingDevice[] active = devices.Where(d => d.Weight > 0 && !removing.Contains(d.Id)).ToArray();
        double totalWeight = active.Sum(d => d.Weight);
        double slots = (double)partitions * replicas;
        var stats = new List<DeviceStats>();
        foreach (RingDevice d in devices)
        {
            int n = counts[d.Id];
            double wanted = d.Weight > 0 && totalWeight > 0 ? slots * d.Weight / totalWeight : 0;
            // Swift's convention: a device that should be empty but is not shows as 999.99% off.
            double balance = wanted > 0 ? 100.0 * ((n / wanted) - 1) : n > 0 ? 999.99 : 0;
            stats.Add(new DeviceStats(d, n, wanted, balance, removing.Contains(d.Id)));
        }

        int bad = table is null || active.Length == 0 ? 0 : CountBadlySpread(active, table, partitions, replicas);
        double max = stats.Count == 0 ? 0 : stats.Max(s => Math.Abs(s.Balance));
        return new RingStats(stats, max, bad, 100.0 * bad / partitions);
    }

    private static int CountBadlySpread(RingDevice[] active, ushort[][] table, int partitions, int replicas)
    {
        TierTree tree = TierTree.Build(active, partitions, replicas, new SeededRandom(0));
        var leaves = new TierNode?[replicas];
        int bad = 0;
        for (int p = 0; p < partitions; p++)
        {
            for (int r = 0; r < replicas; r++)
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
