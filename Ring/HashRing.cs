using System.Buffers.Binary;
using System.Security.Cryptography;

namespace CloudFs.Ring;

/// <summary>
/// The read-only lookup side of a ring: key → partition → primary devices, then handoffs.
/// Thread-safe and immutable; a reload builds a new instance (see <see cref="RingProvider"/>).
/// Not named Ring: inside a CloudFs.* namespace that name binds to the namespace.
/// </summary>
public sealed class HashRing
{
    private readonly PathHasher _hasher;
    private readonly int _partShift;

    /// <summary>Creates a ring over a loaded snapshot and the cluster's hash secret.</summary>
    public HashRing(RingData data, HashPathOptions hashPath)
    {
        Data = data ?? throw new ArgumentNullException(nameof(data));
        _hasher = new PathHasher(hashPath);
        _partShift = 32 - data.PartPower;
    }

    /// <summary>Creates a ring over a loaded snapshot and the cluster's hash path prefix and suffix.</summary>
    public HashRing(RingData data, string hashPathPrefix, string hashPathSuffix)
        : this(data, new HashPathOptions(hashPathPrefix, hashPathSuffix))
    {
    }

    /// <summary>The snapshot this ring serves.</summary>
    public RingData Data { get; }

    /// <summary>log2 of the partition count.</summary>
    public int PartPower => Data.PartPower;

    /// <summary>The number of partitions.</summary>
    public int PartitionCount => Data.PartitionCount;

    /// <summary>How many primaries each partition has.</summary>
    public int ReplicaCount => Data.ReplicaCount;

    /// <summary>All devices, ordered by id.</summary>
    public IReadOnlyList<RingDevice> Devices => Data.Devices;

    /// <summary>One device of each server (host:port) in the ring: a way to reach every server once.</summary>
    public IReadOnlyList<RingDevice> OneDevicePerServer() => Devices.GroupBy(d => d.Endpoint).Select(g => g.First()).ToList();

    /// <summary>The partition of an account (account ring).</summary>
    public int GetPartition(string account) => GetPartition(account, null, null);

    /// <summary>The partition of a container (container ring).</summary>
    public int GetPartition(string account, string container) => GetPartition(account, container, null);

    /// <summary>The partition of a Swift path; container and object may be null.</summary>
    public int GetPartition(string account, string? container, string? obj)
    {
        Span<byte> digest = stackalloc byte[MD5.HashSizeInBytes];
        _hasher.Hash(account, container, obj, digest);
        return (int)(BinaryPrimitives.ReadUInt32BigEndian(digest) >> _partShift);
    }

    /// <summary>
    /// The partition of a blob (object ring). The blob id is hashed as the one-element path
    /// "/{blobId}", i.e. exactly like an account named after the blob id; the rings are
    /// separate, so that overlap never matters.
    /// </summary>
    public int GetBlobPartition(string blobId) => GetPartition(blobId, null, null);

    /// <summary>The primary devices of a partition, one per replica, in replica order.</summary>
    public IReadOnlyList<RingDevice> GetPrimaries(int partition)
    {
        var result = new RingDevice[ReplicaCount];
        GetPrimaries(partition, result);
        return result;
    }

    /// <summary>
    /// The primaries in the order an account's catalog writes try them: the replica numbered
    /// partition mod replica count first, then the others in replica order after it. One
    /// account keeps one writer, and the writers of all accounts spread over the primaries:
    /// replica 0 alone would not, since the builder may give replica 0 of every partition to one
    /// device (with as many devices as replicas it always does).
    /// </summary>
    public IReadOnlyList<RingDevice> GetWriters(int partition)
    {
        var primaries = GetPrimaries(partition);
        var start = partition % primaries.Count;
        return primaries.Skip(start).Concat(primaries.Take(start)).ToList();
    }

    /// <summary>Copies the primaries into <paramref name="destination"/> without allocating; returns how many.</summary>
    public int GetPrimaries(int partition, Span<RingDevice> destination)
    {
        CheckPartition(partition);
        if (destination.Length < ReplicaCount)
        {
            throw new ArgumentException($"The destination needs room for {ReplicaCount} devices.", nameof(destination));
        }

        for (var r = 0; r < ReplicaCount; r++)
        {
            destination[r] = Data.DeviceAt(r, partition);
        }

        return ReplicaCount;
    }

    /// <summary>
    /// The handoff devices of a partition: a lazy, deterministic sequence of every non-primary
    /// device once, devices in unused regions first, then unused zones, then unused ips.
    /// </summary>
    public IEnumerable<RingDevice> GetHandoffs(int partition)
    {
        CheckPartition(partition);
        return HandoffOrder.Enumerate(Data, partition);
    }

    private void CheckPartition(int partition)
    {
        if ((uint)partition >= (uint)PartitionCount)
        {
            throw new ArgumentOutOfRangeException(nameof(partition), partition, $"The ring has {PartitionCount} partitions.");
        }
    }
}
