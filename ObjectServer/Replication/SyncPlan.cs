using CloudFs.Common.Contracts;
using CloudFs.ObjectServer.Storage;

namespace CloudFs.ObjectServer.Replication;

/// <summary>
/// What one replica of a partition must send another. Blobs are immutable and a tombstone is
/// final, so there is nothing to merge: the peer lacks a blob (neither body nor tombstone), or
/// lacks a tombstone. A body and a tombstone of the same id here count as the tombstone.
/// </summary>
public sealed record SyncPlan(IReadOnlyList<BlobId> Blobs, IReadOnlyList<BlobId> Tombstones)
{
    public bool IsEmpty => Blobs.Count == 0 && Tombstones.Count == 0;

    /// <summary>Suffixes whose contents differ here and there and hold something here: the only ones worth listing.</summary>
    public static IReadOnlyList<string> ChangedSuffixes(IReadOnlyDictionary<string, string> local, IReadOnlyDictionary<string, string> remote)
    {
        ArgumentNullException.ThrowIfNull(local);
        ArgumentNullException.ThrowIfNull(remote);
        return local.Where(s => !remote.TryGetValue(s.Key, out var theirs) || theirs != s.Value)
            .Select(s => s.Key).Order(StringComparer.Ordinal).ToList();
    }

    /// <summary>The plan for the entries of the changed suffixes, here and on the peer.</summary>
    public static SyncPlan Compute(IEnumerable<PartitionEntry> local, IEnumerable<BlobListingEntry> remote)
    {
        ArgumentNullException.ThrowIfNull(local);
        ArgumentNullException.ThrowIfNull(remote);
        var theirBlobs = new HashSet<string>(StringComparer.Ordinal);
        var theirTombstones = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entry in remote)
        {
            (entry.Kind == BlobListingEntry.Tombstone ? theirTombstones : theirBlobs).Add(entry.Id);
        }

        var mine = local.ToList();
        var myTombstones = mine.Where(e => e.Kind == PartitionEntryKind.Tombstone).Select(e => e.Id).ToHashSet();
        var blobs = mine
            .Where(e => e.Kind == PartitionEntryKind.Blob && !myTombstones.Contains(e.Id)
                && !theirBlobs.Contains(e.Id.Value) && !theirTombstones.Contains(e.Id.Value))
            .Select(e => e.Id).Distinct().ToList();
        var tombstones = myTombstones.Where(id => !theirTombstones.Contains(id.Value)).OrderBy(id => id.Value, StringComparer.Ordinal).ToList();
        return new SyncPlan(blobs, tombstones);
    }
}
