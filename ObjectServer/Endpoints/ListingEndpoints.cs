using CloudFs.Common.Contracts;
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
        app.MapGet("/recon/partitions", (DeviceInventory inventory) => Results.Json(inventory.Partitions(), ContractJson.Default.DictionaryStringInt32Array));
        app.MapGet("/{device}/{partition:int}/blobs", (string device, int partition, DeviceInventory inventory) =>
            Results.Json(inventory.Blobs(device, partition), ContractJson.Default.BlobListingEntryArray));
        return app;
    }
}
