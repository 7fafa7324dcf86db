using CloudFs.Common.Contracts;

namespace CloudFs.ObjectServer.Storage;

/// <summary>
/// What is on this server's disks, for fsck and the replicator: partitions per device, files per
/// partition with their age. Only usable devices are listed (see <see cref="DeviceCheck"/>): an
/// unmounted device holds nothing that can be served.
/// </summary>
public sealed class DeviceInventory(DeviceLayout layout, BlobStore store, DeviceCheck devices)
{
    /// <summary>Device name → the partitions it holds of one storage policy's blobs, in order.</summary>
    public Dictionary<string, int[]> Partitions(int policy = 0)
    {
        var blobs = DeviceLayout.BlobsDirName(policy);
        return devices.UsableDevices().Select(layout.Device).ToDictionary(
            d => Path.GetFileName(d),
            d => Directory.Exists(Path.Combine(d, blobs))
                ? Directory.GetDirectories(Path.Combine(d, blobs)).Select(Path.GetFileName).Select(p => int.TryParse(p, out var n) ? n : -1)
                    .Where(n => n >= 0).Order().ToArray()
                : [],
            StringComparer.Ordinal);
    }

    /// <summary>The blobs and tombstones of one partition (of only some suffixes when named), in listing order.</summary>
    public BlobListingEntry[] Blobs(string device, int partition, int policy = 0, IReadOnlySet<string>? suffixes = null) => !devices.IsUsable(device) ? [] :
        store.ListPartition(device, partition, policy, suffixes).Select(e =>
        {
            var address = new BlobAddress(device, partition, e.Id, policy);
            var blob = e.Kind == PartitionEntryKind.Blob;
            var path = blob ? layout.DataPath(address) : layout.TombstonePath(address);
            var mtime = File.Exists(path) ? new DateTimeOffset(File.GetLastWriteTimeUtc(path)).ToUnixTimeSeconds() : 0;
            return new BlobListingEntry(e.Id.Value, blob ? BlobListingEntry.Blob : BlobListingEntry.Tombstone, mtime);
        }).ToArray();
}
