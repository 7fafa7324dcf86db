namespace CloudFs.Ring;

/// <summary>
/// The immutable, serialisable snapshot of a ring: the partition power, the devices, and for
/// each replica a partition → device id table (Swift's replica2part2dev_id).
/// </summary>
public sealed class RingData
{
    private readonly ushort[][] _table;
    private readonly RingDevice?[] _byId;

    /// <summary>Creates a snapshot; the tables are copied, so later edits of the arrays do not leak in.</summary>
    /// <exception cref="InvalidDataException">When the tables and devices do not form a valid ring.</exception>
    public RingData(int partPower, IEnumerable<RingDevice> devices, IReadOnlyList<ushort[]> replicaToPartToDevice)
        : this(CopyTables(replicaToPartToDevice), partPower, devices)
    {
    }

    // Takes ownership of the table arrays.
    private RingData(ushort[][] table, int partPower, IEnumerable<RingDevice> devices)
    {
        ArgumentNullException.ThrowIfNull(devices);
        if (partPower is < RingLimits.MinPartPower or > RingLimits.MaxPartPower)
        {
            throw new InvalidDataException($"Partition power {partPower} is outside {RingLimits.MinPartPower}..{RingLimits.MaxPartPower}.");
        }

        if (table.Length is < 1 or > RingLimits.MaxReplicas)
        {
            throw new InvalidDataException($"Replica count {table.Length} is outside 1..{RingLimits.MaxReplicas}.");
        }

        PartPower = partPower;
        PartitionCount = 1 << partPower;
        Devices = devices.OrderBy(d => d.Id).ToArray();
        var maxId = Devices.Count == 0 ? -1 : Devices[^1].Id;
        _byId = new RingDevice?[maxId + 1];
        foreach (var d in Devices)
        {
            if (d.Id is < 0 or > RingLimits.MaxDeviceId || _byId[d.Id] is not null)
            {
                throw new InvalidDataException($"Device id {d.Id} is out of range or used twice.");
            }

            _byId[d.Id] = d;
        }

        foreach (var row in table)
        {
            if (row.Length != PartitionCount)
            {
                throw new InvalidDataException($"A replica table has {row.Length} entries, expected {PartitionCount}.");
            }

            foreach (var id in row)
            {
                if (id >= _byId.Length || _byId[id] is null)
                {
                    throw new InvalidDataException($"The table refers to device {id}, which the ring does not have.");
                }
            }
        }

        _table = table;
    }

    /// <summary>log2 of the partition count.</summary>
    public int PartPower { get; }

    /// <summary>2^PartPower.</summary>
    public int PartitionCount { get; }

    /// <summary>How many devices hold each partition.</summary>
    public int ReplicaCount => _table.Length;

    /// <summary>All devices of the ring, ordered by id.</summary>
    public IReadOnlyList<RingDevice> Devices { get; }

    /// <summary>The device id holding <paramref name="replica"/> of <paramref name="partition"/>.</summary>
    public ushort GetDeviceId(int replica, int partition) => _table[replica][partition];

    /// <summary>The device with this id, or null.</summary>
    public RingDevice? FindDevice(int id) => id >= 0 && id < _byId.Length ? _byId[id] : null;

    /// <summary>A read-only view of one replica's partition → device id table.</summary>
    public ReadOnlySpan<ushort> GetReplicaTable(int replica) => _table[replica];

    // The reader and the builder hand over freshly made arrays; no need to copy them again.
    internal static RingData FromOwnedTables(int partPower, IEnumerable<RingDevice> devices, ushort[][] table) =>
        new(table, partPower, devices);

    internal RingDevice DeviceAt(int replica, int partition) => _byId[_table[replica][partition]]!;

    private static ushort[][] CopyTables(IReadOnlyList<ushort[]> tables)
    {
        ArgumentNullException.ThrowIfNull(tables);
        return tables.Select(t => (ushort[])t.Clone()).ToArray();
    }
}
