namespace CloudFs.Ring;

/// <summary>
/// Splits a node's assignment count over its children by weight, within dispersion bounds:
/// if the node holds r replicas of a partition on average and has k children, a child should
/// hold between floor(floor(r)/k) and ceil(ceil(r)/k) replicas of each partition, and never more
/// than it has devices. Weight decides inside those bounds (water-filling, by bisection on the
/// fill level); integers come from largest-remainder rounding, ties to the earlier child.
/// </summary>
internal static class WeightedSplit
{
    public static void Apply(TierNode node, int partitions)
    {
        var children = node.Children;
        if (children.Count == 0)
        {
            return;
        }

        var total = node.Target;
        var k = children.Count;
        long rMin = total / partitions;
        long rMax = (total + partitions - 1) / partitions;
        var lo = new long[k];
        var hi = new long[k];
        long hiSum = 0;
        for (var i = 0; i < k; i++)
        {
            var cap = (long)partitions * children[i].DeviceCount;
            hi[i] = Math.Min((long)partitions * ((rMax + k - 1) / k), cap);
            lo[i] = Math.Min((long)partitions * (rMin / k), hi[i]);
            hiSum += hi[i];
        }

        // Too few devices under some children: let the others take more replicas per partition.
        while (hiSum < total)
        {
            hiSum = 0;
            for (var i = 0; i < k; i++)
            {
                hi[i] = Math.Min(hi[i] + partitions, (long)partitions * children[i].DeviceCount);
                hiSum += hi[i];
            }
        }

        var values = Fill(children, lo, hi, total);
        var result = new long[k];
        long sum = 0;
        for (var i = 0; i < k; i++)
        {
            result[i] = Math.Clamp((long)Math.Floor(values[i]), lo[i], hi[i]);
            sum += result[i];
        }

        var byRemainder = Enumerable.Range(0, k)
            .OrderByDescending(i => values[i] - Math.Floor(values[i])).ThenBy(i => i).ToArray();
        while (sum < total)
        {
            foreach (var i in byRemainder)
            {
                if (sum < total && result[i] < hi[i])
                {
                    result[i]++;
                    sum++;
                }
            }
        }

        for (var i = 0; i < k; i++)
        {
            children[i].Target = (int)result[i];
            Apply(children[i], partitions);
        }
    }

    private static double[] Fill(List<TierNode> children, long[] lo, long[] hi, int total)
    {
        double low = 0;
        double high = 0;
        for (var i = 0; i < children.Count; i++)
        {
            high = Math.Max(high, hi[i] / children[i].Weight);
        }

        for (var iter = 0; iter < 200 && high - low > high * 1e-15; iter++)
        {
            var mid = (low + high) / 2;
            if (Sum(children, lo, hi, mid) < total)
            {
                low = mid;
            }
            else
            {
                high = mid;
            }
        }

        return children.Select((c, i) => Math.Clamp(high * c.Weight, lo[i], hi[i])).ToArray();
    }

    private static double Sum(List<TierNode> children, long[] lo, long[] hi, double level)
    {
        double s = 0;
        for (var i = 0; i < children.Count; i++)
        {
            s += Math.Clamp(level * children[i].Weight, lo[i], hi[i]);
        }

        return s;
    }
}
