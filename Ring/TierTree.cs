namespace CloudFs.Ring;

/// <summary>The failure-domain tree of the devices that can take partitions (weight &gt; 0, not being removed).</summary>
internal sealed class TierTree
{
    private readonly TierNode?[] _leaves;

    private TierTree(TierNode root, TierNode?[] leaves)
    {
        Root = root;
        _leaves = leaves;
    }

    public TierNode Root { get; }

    public IEnumerable<TierNode> Leaves => _leaves.OfType<TierNode>();

    public TierNode? Leaf(int deviceId) => deviceId < _leaves.Length ? _leaves[deviceId] : null;

    public static TierTree Build(IEnumerable<RingDevice> devices, int partitions, int replicas, SeededRandom random)
    {
        // Sorted input makes child order, and so every tie-break, independent of insertion order.
        var active = devices.OrderBy(d => d.Region).ThenBy(d => d.Zone)
            .ThenBy(d => d.Ip, StringComparer.Ordinal).ThenBy(d => d.Id).ToArray();
        var root = new TierNode(null, 0, 0);
        var leaves = new TierNode?[active.Length == 0 ? 0 : active.Max(d => d.Id) + 1];
        var regions = new Dictionary<int, TierNode>();
        var zones = new Dictionary<(int, int), TierNode>();
        var ips = new Dictionary<(int, int, string), TierNode>();
        foreach (var d in active)
        {
            var region = GetOrAdd(regions, d.Region, root, random);
            var zone = GetOrAdd(zones, (d.Region, d.Zone), region, random);
            var ip = GetOrAdd(ips, (d.Region, d.Zone, d.Ip), zone, random);
            var leaf = new TierNode(ip, TierNode.DeviceLevel, random.Next()) { DeviceId = d.Id };
            ip.Children.Add(leaf);
            leaf.Path = [root, region, zone, ip, leaf];
            foreach (var n in leaf.Path)
            {
                n.Weight += d.Weight;
                n.DeviceCount++;
            }

            leaves[d.Id] = leaf;
        }

        root.Target = partitions * replicas;
        WeightedSplit.Apply(root, partitions);
        return new TierTree(root, leaves);
    }

    private static TierNode GetOrAdd<TKey>(Dictionary<TKey, TierNode> map, TKey key, TierNode parent, SeededRandom random)
        where TKey : notnull
    {
        if (!map.TryGetValue(key, out var node))
        {
            node = new TierNode(parent, parent.Level + 1, random.Next());
            parent.Children.Add(node);
            map[key] = node;
        }

        return node;
    }
}
