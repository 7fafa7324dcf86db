using CloudFs.Common.Contracts;
using CloudFs.Common.Hosting;
using CloudFs.Common.Results;
using CloudFs.ObjectServer.Storage;

namespace CloudFs.ObjectServer.Endpoints;

/// <summary>
/// What is on this server's disks, for fsck and the replicator: the partitions each device
/// holds, the blobs and tombstones of one partition (with their age, so fresh uploads
/// not yet committed are never taken for orphans), and a partition's suffix hashes.
/// </summary>
public static class ListingEndpoints
{
    public static IEndpointRouteBuilder MapListingEndpoints(this IEndpointRouteBuilder app)
    {
        // Both answer for the storage policy named by X-Backend-Storage-Policy-Index (absent: 0).
        app.MapGet("/recon/partitions", (HttpRequest request, DeviceInventory inventory) =>
            Results.Json(inventory.Partitions(Policy(request)), ContractJson.Default.DictionaryStringInt32Array));
        // ?suffixes=abc,def narrows the listing to the suffixes the replicator found different.
        app.MapGet("/{device}/{partition:int}/blobs", (string device, int partition, HttpRequest request, DeviceInventory inventory) =>
            Results.Json(inventory.Blobs(device, partition, Policy(request), Suffixes(request)), ContractJson.Default.BlobListingEntryArray));
        app.MapGet("/{device}/digests", (string device, HttpRequest request, BlobStore store) =>
            Answer(store.DigestPartitions(device, Policy(request))));
        app.MapGet("/{device}/{partition:int}/hashes", (string device, int partition, HttpRequest request, BlobStore store) =>
            Answer(store.HashPartitionForPeer(device, partition, Policy(request))));
        return app;
    }

    private static IResult Answer(Outcome<Dictionary<string, string>> outcome) => outcome.IsSuccess
        ? Results.Json(outcome.Value, ContractJson.Default.DictionaryStringString)
        : ErrorResults.From(outcome.Error);

    private static HashSet<string>? Suffixes(HttpRequest request) =>
        request.Query.TryGetValue("suffixes", out var value)
            ? value.ToString().Split(',', StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal)
            : null;

    // A bad value reads as 0: these listings only inform fsck, which always sends a valid index.
    private static int Policy(HttpRequest request) =>
        int.TryParse(request.Headers[BackendHeaders.StoragePolicyIndex], System.Globalization.NumberStyles.None,
            System.Globalization.CultureInfo.InvariantCulture, out var policy) ? policy : 0;
}
