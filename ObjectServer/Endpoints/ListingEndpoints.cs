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
        // Both answer for the storage policy named by X-Backend-Storage-Policy-Index (absent: 0).
        app.MapGet("/recon/partitions", (HttpRequest request, DeviceInventory inventory) =>
            Results.Json(inventory.Partitions(Policy(request)), ContractJson.Default.DictionaryStringInt32Array));
        app.MapGet("/{device}/{partition:int}/blobs", (string device, int partition, HttpRequest request, DeviceInventory inventory) =>
            Results.Json(inventory.Blobs(device, partition, Policy(request)), ContractJson.Default.BlobListingEntryArray));
        return app;
    }

    // A bad value reads as 0: these listings only inform fsck, which always sends a valid index.
    private static int Policy(HttpRequest request) =>
        int.TryParse(request.Headers[BackendHeaders.StoragePolicyIndex], System.Globalization.NumberStyles.None,
            System.Globalization.CultureInfo.InvariantCulture, out var policy) ? policy : 0;
}
