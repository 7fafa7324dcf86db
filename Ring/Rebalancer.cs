namespace CloudFs.Ring;

/// <summary>
/// One rebalance pass over a builder's table, in place. It gathers the assignments that must
/// or should move (devices being removed; then, for partitions that may move, devices of weight
/// zero, badly spread partitions, and devices over their target), and places each gathered
/// replica by walking the tier tree: at each tier the child with the fewest replicas of that
/// partition, then the one that wants the most assignments, then the seeded rank.
/// A partition gives up at most one replica per pass, and only when min_part_hours have passed
/// since its last move; removed devices are the exception, their data has to go.
/// </summary>
internal sealed class Rebalancer
{
    private const int ExtraRounds = 3;
    private readonly ushort[][] _table;
    private readonly uint[] _lastMoved;
    private readonly int _partitions;
    private readonly int _replicas;
    private readonly uint _now;
    private readonly uint _minPartSeconds;
    private readonly TierTree _tree;
    private readonly SeededRandom _random;
    private readonly bool[] _touched;
    private readonly List<(int Part, int Replica)> _pool = [];

    public Rebalancer(ushort[][] table, uint[] lastMoved, IReadOnlyCollection<RingDevice> active, int minPartHours, uint now, long seed)
    {
        _table = table;
        _lastMoved = lastMoved;
        _partitions = lastMoved.Length;
        _replicas = table.Length;
        _now = now;
        _minPartSeconds = (uint)minPartHours * 3600;
        _random = new SeededRandom(seed);
        _tree = TierTree.Build(active, _partitions, _replicas, _random);
        _touched = new bool[_partitions];
    }

    /// <summary>Set by the builder: devices being removed, whose slots move regardless of min_part_hours.</summary>
    public Func<int, bool> IsRemoved { get; init; } = _ => false;

    /// <summary>Runs the pass; returns how many assignments (replica slots) changed device.</summary>
    public (int MovedAssignments, int MovedPartitions) Run()
    {
        var before = _table.Select(t => (ushort[])t.Clone()).ToArray();
        CountAssigned();
        GatherRequired();
        GatherBadlySpread();
        var order = Enumerable.Range(0, _partitions).ToArray();
        _random.Shuffle(order);
        GatherOverweight(order);
        Place();
        for (var round = 0; round < ExtraRounds && Excess() > 0; round++)
        {
            GatherOverweight(order);
            if (_pool.Count == 0)
            {
                break;
            }

            Place();
        }

        return RecordMoves(before);
    }

    private void CountAssigned()
    {
        foreach (var row in _table)
        {
            foreach (var id in row)
            {
                _tree.Leaf(id)?.AddAssigned(1);
            }
        }
    }

    private bool Movable(int part) =>
        !_touched[part] && (_lastMoved[part] == 0 || (long)_now - _lastMoved[part] >= _minPartSeconds);

    private void Unassign(int part, int replica)
    {
        _tree.Leaf(_table[replica][part])?.AddAssigned(-1);
        _table[replica][part] = RingLimits.NoDevice;
        _touched[part] = true;
        _pool.Add((part, replica));
    }

    // Empty slots (new ring, more replicas) and slots on devices no longer in the tree.
    private void GatherRequired()
    {
        for (var p = 0; p < _partitions; p++)
        {
            for (var r = 0; r < _replicas; r++)
            {
                var id = _table[r][p];
                if (id == RingLimits.NoDevice)
                {
                    _pool.Add((p, r));
                }
                else if (_tree.Leaf(id) is null && (IsRemoved(id) || Movable(p)))
                {
                    Unassign(p, r);
                }
            }
        }
    }

    private void GatherBadlySpread()
    {
        var leaves = new TierNode?[_replicas];
        for (var p = 0; p < _partitions; p++)
        {
            if (!Movable(p))
            {
                continue;
            }

            LeavesOf(p, leaves);
            var r = DispersionRule.FindExcess(leaves);
            if (r >= 0)
            {
                Unassign(p, r);
            }
        }
    }

    private void GatherOverweight(int[] order)
    {
        var excess = Excess();
        for (var i = 0; i < order.Length && excess > 0; i++)
        {
            var p = order[i];
            if (!Movable(p))
            {
                continue;
            }

            for (var r = 0; r < _replicas; r++)
            {
                var leaf = _tree.Leaf(_table[r][p]);
                if (leaf is not null && leaf.Assigned > leaf.Target)
                {
                    Unassign(p, r);
                    excess--;
                    break;
                }
            }
        }
    }

    private int Excess()
    {
        var excess = 0;
        foreach (var leaf in _tree.Leaves)
        {
            excess += Math.Max(0, leaf.Assigned - leaf.Target);
        }

        return excess;
    }

    private void Place()
    {
        var leaves = new TierNode?[_replicas];
        foreach ((var p, var r) in _pool)
        {
            LeavesOf(p, leaves);
            var leaf = Choose(leaves);
            _table[r][p] = (ushort)leaf.DeviceId;
            leaf.AddAssigned(1);
        }

        _pool.Clear();
    }

    private TierNode Choose(ReadOnlySpan<TierNode?> leaves)
    {
        var node = _tree.Root;
        while (node.Level < TierNode.DeviceLevel)
        {
            TierNode? best = null;
            var bestCount = 0;
            foreach (var child in node.Children)
            {
                var count = DispersionRule.CountUnder(leaves, child);
                if (count >= child.DeviceCount)
                {
                    continue;
                }

                if (best is null || count < bestCount
                    || (count == bestCount && (child.Want > best.Want || (child.Want == best.Want && child.Rank < best.Rank))))
                {
                    best = child;
                    bestCount = count;
                }
            }

            // The root has more devices than any partition has replicas, so a free device always exists.
            node = best ?? throw new InvalidOperationException("No device can take the partition.");
        }

        return node;
    }

    private void LeavesOf(int part, Span<TierNode?> leaves)
    {
        for (var r = 0; r < _replicas; r++)
        {
            var id = _table[r][part];
            leaves[r] = id == RingLimits.NoDevice ? null : _tree.Leaf(id);
        }
    }

    private (int, int) RecordMoves(ushort[][] before)
    {
        var moved = 0;
        var parts = 0;
        for (var p = 0; p < _partitions; p++)
        {
            var partMoved = false;
            for (var r = 0; r < _replicas; r++)
            {
                // Filling an empty slot is not a move: no data has to travel.
                if (before[r][p] != RingLimits.NoDevice && before[r][p] != _table[r][p])
                {
                    moved++;
                    partMoved = true;
                }
            }

            if (partMoved)
            {
                _lastMoved[p] = _now;
                parts++;
            }
        }

        return (moved, parts);
    }
}
