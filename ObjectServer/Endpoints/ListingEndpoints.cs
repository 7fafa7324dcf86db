using CloudFs.ObjectServer.Storage;

namespace CloudFs.ObjectServer.Endpoints;

/// <summary>
/// What is on this server's disks, for fsck and the replicator: the partitions each device
/// holds, and the blobs and tombstones of one partition (with their age, so fresh uploads
/// not yet committed are never taken for orphans).
/// </summary>
public static class ListingEndpoints
{
    public static IEndpointRouteBuilder MapListingEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/recon/partitions", (DeviceLayout layout) =>
        {
            var devices = Directory.Exists(layout.Root) ? Directory.GetDirectories(layout.Root) : [];
            return Results.Json(devices.ToDictionary(
                d => Path.GetFileName(d),
                d => Directory.Exists(Path.Combine(d, "blobs"))
                    ? Directory.GetDirectories(Path.Combine(d, "blobs")).Select(Path.GetFileName).Select(p => int.TryParse(p, out var n) ? n : -1)
                        .Where(n => n >= 0).Order().ToArray()
                    : []));
        });
        app.MapGet("/{device}/{partition:int}/blobs", (string device, int partition, BlobStore store, DeviceLayout layout) =>
            Results.Json(store.ListPartition(device, partition).Select(e =>
            {
                var address = new BlobAddress(device, partition, e.Id);
                var path = e.Kind == PartitionEntryKind.Blob ? layout.DataPath(address) : layout.TombstonePath(address);
                return new
                {
                    id = e.Id.Value,
                    kind = e.Kind == PartitionEntryKind.Blob ? "blob" : "tombstone",
                    mtime = File.Exists(path) ? new DateTimeOffset(File.GetLastWriteTimeUtc(path)).ToUnixTimeSeconds() : 0,
                };
            })));
        return app;
    }
}
