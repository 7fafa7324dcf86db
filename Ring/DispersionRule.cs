namespace CloudFs.Ring;

/// <summary>
/// "As spread as possible": at every tier, no child of a node may hold two or more replicas
/// of a partition more than a sibling that still has a free device for it. With zones ≥
/// replicas this means no two replicas in one zone; with fewer zones, the split is even.
/// </summary>
internal static class DispersionRule
{
    /// <summary>
    /// Returns the index in <paramref name="replicas"/> of one replica that should move to fix
    /// the spread, or -1 when the partition is spread as well as the tree allows.
    /// </summary>
    public static int FindExcess(ReadOnlySpan<TierNode?> replicas)
    {
        for (var level = TierNode.RegionLevel; level < TierNode.DeviceLevel; level++)
        {
            for (var i = 0; i < replicas.Length; i++)
            {
                var leaf = replicas[i];
                if (leaf is null)
                {
                    continue;
                }

                var child = leaf.Path[level];
                var count = CountUnder(replicas, child);
                if (count < 2)
                {
                    continue;
                }

                var minSpare = int.MaxValue;
                foreach (var sibling in child.Parent!.Children)
                {
                    var c = sibling == child ? count : CountUnder(replicas, sibling);
                    if (c < sibling.DeviceCount)
                    {
                        minSpare = Math.Min(minSpare, c);
                    }
                }

                if (minSpare != int.MaxValue && count - minSpare >= 2)
                {
                    return MostOverloaded(replicas, child);
                }
            }
        }

        return -1;
    }

    public static int CountUnder(ReadOnlySpan<TierNode?> replicas, TierNode node)
    {
        var n = 0;
        foreach (var leaf in replicas)
        {
            if (leaf is not null && leaf.Path[node.Level] == node)
            {
                n++;
            }
        }

        return n;
    }

    private static int MostOverloaded(ReadOnlySpan<TierNode?> replicas, TierNode node)
    {
        var best = -1;
        for (var i = 0; i < replicas.Length; i++)
        {
            var leaf = replicas[i];
            if (leaf is not null && leaf.Path[node.Level] == node && (best < 0 || leaf.Want < replicas[best]!.Want))
            {
                best = i;
            }
        }

        return best;
    }
}
