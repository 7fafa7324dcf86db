using CloudFs.Common.Results;

namespace CloudFs.ObjectServer.Storage;

// The replicator's side of the store: removing what was handed to the primaries and reclaiming
// old tombstones. Neither leaves a tombstone behind: the blob lives on elsewhere, or its
// deletion is old enough to be forgotten.
public sealed partial class BlobStore
{
    /// <summary>When the blob was deleted here, or null when no tombstone exists.</summary>
    public DateTimeOffset? TombstoneTime(BlobAddress address) => _tombstones.Read(address);

    /// <summary>
    /// Removes this device's copy of an entry that every primary now holds (a handoff going home).
    /// Returns false when it was already gone.
    /// </summary>
    public async Task<Outcome<bool>> RemoveHandedOffAsync(BlobAddress address, PartitionEntryKind kind, CancellationToken ct)
    {
        using var held = await _locks.AcquireAsync(address.Id, ct);
        var path = kind == PartitionEntryKind.Blob ? Layout.DataPath(address) : Layout.TombstonePath(address);
        try
        {
            if (!File.Exists(path))
            {
                return false;
            }

            File.Delete(path);
            _directories.Sync(Layout.SuffixDir(address));
            PruneEmpty(Layout.SuffixDir(address));
            PruneEmpty(Layout.PartitionDir(address.Device, address.Partition, address.Policy));
            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            Log.DeleteFailed(_logger, address.ToString(), ex);
            return CloudFsError.InsufficientStorage($"Cannot write to device {address.Device}");
        }
    }

    /// <summary>Removes the partition's tombstones written before <paramref name="cutoff"/>; returns how many.</summary>
    public async Task<int> ReclaimTombstonesAsync(string device, int partition, int policy, DateTimeOffset cutoff, CancellationToken ct)
    {
        var reclaimed = 0;
        foreach (var entry in ListPartition(device, partition, policy).Where(e => e.Kind == PartitionEntryKind.Tombstone).ToList())
        {
            var address = new BlobAddress(device, partition, entry.Id, policy);
            using var held = await _locks.AcquireAsync(entry.Id, ct);
            if (_tombstones.Read(address) is { } at && at < cutoff)
            {
                try
                {
                    File.Delete(Layout.TombstonePath(address));
                    reclaimed++;
                }
                catch (IOException ex)
                {
                    Log.DeleteFailed(_logger, address.ToString(), ex);
                }
            }
        }

        if (reclaimed > 0)
        {
            foreach (var suffix in new DirectoryInfo(Layout.PartitionDir(device, partition, policy)).EnumerateDirectories())
            {
                PruneEmpty(suffix.FullName);
            }
        }

        return reclaimed;
    }

    // An empty suffix or partition directory is removed so the next listing skips it; one that
    // gained a file in the meantime is simply not empty and stays.
    private static void PruneEmpty(string directory)
    {
        try
        {
            if (Directory.Exists(directory) && !Directory.EnumerateFileSystemEntries(directory).Any())
            {
                Directory.Delete(directory);
            }
        }
        catch (IOException)
        {
            // Not empty any more, or gone already.
        }
    }
}
