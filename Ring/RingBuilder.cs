using System.Globalization;

namespace CloudFs.Ring;

/// <summary>
/// Offline ring planning (servers never need it): devices, weights and the current assignment,
/// rebalanced into a <see cref="RingData"/>. Same devices, same history and same seed always
/// give the same ring. Persist it with <see cref="BuilderFile"/> so the next rebalance is minimal.
/// </summary>
public sealed class RingBuilder
{
    private readonly SortedDictionary<int, RingDevice> _devices = [];
    private readonly HashSet<int> _removing = [];
    private readonly TimeProvider _time;
    private ushort[][]? _table;
    private uint[] _lastMoved;

    /// <summary>Starts an empty builder.</summary>
    /// <exception cref="RingBuilderException">When a parameter is out of range.</exception>
    public RingBuilder(int partPower, int replicas, int minPartHours, TimeProvider? timeProvider = null)
    {
        if (partPower is < RingLimits.MinPartPower or > RingLimits.MaxPartPower)
        {
            throw new RingBuilderException($"part_power {partPower} is out of range; use {RingLimits.MinPartPower}..{RingLimits.MaxPartPower}.");
        }

        if (replicas is < 1 or > RingLimits.MaxReplicas)
        {
            throw new RingBuilderException($"replicas {replicas} is out of range; use 1..{RingLimits.MaxReplicas}.");
        }

        CheckMinPartHours(minPartHours);
        PartPower = partPower;
        Replicas = replicas;
        MinPartHours = minPartHours;
        _time = timeProvider ?? TimeProvider.System;
        _lastMoved = new uint[PartitionCount];
    }

    /// <summary>log2 of the partition count.</summary>
    public int PartPower { get; }

    /// <summary>2^PartPower.</summary>
    public int PartitionCount => 1 << PartPower;

    /// <summary>Replicas per partition.</summary>
    public int Replicas { get; }

    /// <summary>Hours during which at most one replica of a partition may move.</summary>
    public int MinPartHours { get; private set; }

    /// <summary>True once a rebalance has assigned every partition.</summary>
    public bool HasAssignment => _table is not null;

    /// <summary>True when devices changed since the last rebalance.</summary>
    public bool HasPendingChanges { get; private set; }

    /// <summary>All devices by id, including those pending removal.</summary>
    public IReadOnlyList<RingDevice> Devices => [.. _devices.Values];

    /// <summary>True when the device is marked for removal at the next rebalance.</summary>
    public bool IsPendingRemoval(int id) => _removing.Contains(id);

    /// <summary>Adds a device (its Id is ignored; the lowest free id is used) and returns it with its id.</summary>
    public RingDevice AddDevice(RingDevice device)
    {
        ArgumentNullException.ThrowIfNull(device);
        CheckDevice(device);
        if (_devices.Values.FirstOrDefault(d => !_removing.Contains(d.Id) && SameEndpoint(d, device)) is { } dup)
        {
            throw new RingBuilderException($"Device {device.Endpoint}/{device.Device} already exists as d{dup.Id}.");
        }

        var id = 0;
        while (_devices.ContainsKey(id))
        {
            id++;
        }

        if (id > RingLimits.MaxDeviceId)
        {
            throw new RingBuilderException($"A ring holds at most {RingLimits.MaxDeviceId + 1} devices.");
        }

        var added = device with { Id = id };
        _devices.Add(id, added);
        HasPendingChanges = true;
        return added;
    }

    /// <summary>Marks a device for removal; its partitions move away at the next rebalance.</summary>
    public void RemoveDevice(int id)
    {
        var d = Get(id);
        _removing.Add(id);
        _devices[id] = d with { Weight = 0 };
        HasPendingChanges = true;
    }

    /// <summary>Changes a device's weight (0 drains it but keeps it in the ring).</summary>
    public void SetWeight(int id, double weight)
    {
        var d = Get(id);
        if (_removing.Contains(id))
        {
            throw new RingBuilderException($"Device d{id} is pending removal; its weight cannot change.");
        }

        CheckWeight(weight);
        _devices[id] = d with { Weight = weight };
        HasPendingChanges = true;
    }

    /// <summary>Changes min_part_hours.</summary>
    public void SetMinPartHours(int hours)
    {
        CheckMinPartHours(hours);
        MinPartHours = hours;
    }

    /// <summary>The devices matching a Swift-style search such as "d3", "z1" or "127.0.0.1:7013/sdb1".</summary>
    public IReadOnlyList<RingDevice> Search(string query)
    {
        var q = DeviceQuery.Parse(query);
        return _devices.Values.Where(q.Matches).ToArray();
    }

    /// <summary>Reassigns partitions to follow weights and dispersion, moving as little as min_part_hours allows.</summary>
    /// <exception cref="RingBuilderException">When there are fewer usable devices than replicas.</exception>
    public RebalanceResult Rebalance(long seed = 0)
    {
        var active = _devices.Values.Where(d => d.Weight > 0 && !_removing.Contains(d.Id)).ToArray();
        if (active.Length < Replicas)
        {
            throw new RingBuilderException(_devices.Count == 0
                ? "The builder has no devices; add some before rebalancing."
                : $"{Replicas} replicas need at least {Replicas} devices with weight > 0; there are {active.Length}.");
        }

        _table ??= Enumerable.Range(0, Replicas).Select(_ => Enumerable.Repeat(RingLimits.NoDevice, PartitionCount).ToArray()).ToArray();
        var filled = _table.Sum(row => row.Count(id => id == RingLimits.NoDevice));
        var pass = new Rebalancer(_table, _lastMoved, active, MinPartHours, NowSeconds(), seed)
        {
            IsRemoved = id => _removing.Contains(id) || !_devices.ContainsKey(id),
        };
        (var moved, var parts) = pass.Run();
        var removed = _removing.Count;
        foreach (var id in _removing)
        {
            _devices.Remove(id);
        }

        _removing.Clear();
        HasPendingChanges = false;
        return new RebalanceResult(moved, parts, filled, removed, GetStats());
    }

    /// <summary>Problems that would make the ring unusable; empty when it is valid.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (_table is null)
        {
            problems.Add("The builder has never been rebalanced.");
            return problems;
        }

        var endpoints = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var d in _devices.Values.Where(d => !_removing.Contains(d.Id)))
        {
            if (!endpoints.Add(d.Endpoint + "/" + d.Device))
            {
                problems.Add($"Device {d.Endpoint}/{d.Device} appears twice.");
            }
        }

        var unassigned = 0;
        var doubled = 0;
        var ids = new HashSet<ushort>();
        for (var p = 0; p < PartitionCount; p++)
        {
            ids.Clear();
            for (var r = 0; r < Replicas; r++)
            {
                var id = _table[r][p];
                if (id == RingLimits.NoDevice || !_devices.ContainsKey(id))
                {
                    unassigned++;
                }
                else if (!ids.Add(id))
                {
                    doubled++;
                }
            }
        }

        if (unassigned > 0)
        {
            problems.Add($"{unassigned} replica slots have no device.");
        }

        if (doubled > 0)
        {
            problems.Add($"{doubled} partitions have two replicas on one device.");
        }

        return problems;
    }

    /// <summary>The runtime ring; throws when <see cref="Validate"/> reports problems.</summary>
    public RingData GetRingData()
    {
        var problems = Validate();
        if (problems.Count > 0)
        {
            throw new RingBuilderException("The ring is not valid: " + string.Join(" ", problems));
        }

        return new RingData(PartPower, _devices.Values, _table!);
    }

    /// <summary>Per-device assignments, balance against weight, and dispersion.</summary>
    public RingStats GetStats() => RingStatsCalculator.Compute(_devices.Values, _removing, _table, PartitionCount, Replicas);

    // State hand-over for BuilderFile.
    internal ushort[][]? Table => _table;

    internal uint[] LastMoved => _lastMoved;

    internal void Restore(IEnumerable<RingDevice> devices, IEnumerable<int> removing, ushort[][]? table, uint[] lastMoved, bool pending)
    {
        foreach (var d in devices)
        {
            _devices.Add(d.Id, d);
        }

        _removing.UnionWith(removing);
        _table = table;
        _lastMoved = lastMoved;
        HasPendingChanges = pending;
    }

    private uint NowSeconds() => (uint)Math.Clamp(_time.GetUtcNow().ToUnixTimeSeconds(), 1, uint.MaxValue);

    private RingDevice Get(int id) =>
        _devices.TryGetValue(id, out var d) ? d : throw new RingBuilderException($"No device d{id}.");

    private static bool SameEndpoint(RingDevice a, RingDevice b) =>
        a.Port == b.Port && string.Equals(a.Ip, b.Ip, StringComparison.OrdinalIgnoreCase) && a.Device == b.Device;

    private static void CheckDevice(RingDevice d)
    {
        CheckWeight(d.Weight);
        if (d.Region < 0 || d.Zone < 0)
        {
            throw new RingBuilderException("Region and zone must not be negative.");
        }

        if (d.Port is < 1 or > 65535)
        {
            throw new RingBuilderException(string.Create(CultureInfo.InvariantCulture, $"Port {d.Port} is out of range 1..65535."));
        }

        if (string.IsNullOrWhiteSpace(d.Ip) || d.Ip.Any(char.IsWhiteSpace))
        {
            throw new RingBuilderException("The device ip is empty or contains spaces.");
        }

        if (string.IsNullOrEmpty(d.Device) || d.Device.Any(c => char.IsWhiteSpace(c) || c is '/' or '_'))
        {
            throw new RingBuilderException($"Device name '{d.Device}' must be non-empty, without spaces, '/' or '_'.");
        }
    }

    private static void CheckWeight(double weight)
    {
        if (!double.IsFinite(weight) || weight < 0)
        {
            throw new RingBuilderException($"Weight {weight.ToString(CultureInfo.InvariantCulture)} must be a finite number >= 0.");
        }
    }

    private static void CheckMinPartHours(int hours)
    {
        if (hours is < 0 or > 24 * 365)
        {
            throw new RingBuilderException($"min_part_hours {hours} is out of range 0..8760.");
        }
    }
}
