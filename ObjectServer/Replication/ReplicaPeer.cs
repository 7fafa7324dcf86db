using System.Globalization;
using System.Text.Json;
using CloudFs.Backend;
using CloudFs.Common.Contracts;
using CloudFs.Common.Http;
using CloudFs.Common.Time;
using CloudFs.ObjectServer.Daemons;
using CloudFs.ObjectServer.Storage;
using CloudFs.Ring;

namespace CloudFs.ObjectServer.Replication;

/// <summary>
/// The replicator's calls to another object server: its suffix hashes and listing for one
/// partition, and the two pushes (a blob body, a tombstone) through the ordinary blob endpoints,
/// so a replicated write is checked exactly like a proxy's.
/// </summary>
public sealed class ReplicaPeer(RoleClient client, TimeProvider time)
{
    /// <summary>Suffix → hash of the peer's copy of the partition, or null when it could not be asked.</summary>
    public async Task<Dictionary<string, string>?> HashesAsync(RingDevice node, int partition, int policy, CancellationToken ct)
    {
        var response = await client.SendAsync([node], n => Request(HttpMethod.Get, n, PartitionPath(n, partition) + "/hashes", policy, null), idempotent: true, ct);
        return response is { IsSuccess: true } ? JsonSerializer.Deserialize(response.Body, ContractJson.Default.DictionaryStringString) : null;
    }

    /// <summary>Partition → digest of everything the peer's device holds in one policy, or null when it could not be asked.</summary>
    public async Task<Dictionary<string, string>?> DigestsAsync(RingDevice node, int policy, CancellationToken ct)
    {
        var response = await client.SendAsync([node], n => Request(HttpMethod.Get, n, "/" + Uri.EscapeDataString(n.Device) + "/digests", policy, null), idempotent: true, ct);
        return response is { IsSuccess: true } ? JsonSerializer.Deserialize(response.Body, ContractJson.Default.DictionaryStringString) : null;
    }

    /// <summary>The peer's blobs and tombstones in <paramref name="suffixes"/>, or null when it could not be asked.</summary>
    public async Task<BlobListingEntry[]?> ListAsync(RingDevice node, int partition, int policy, IReadOnlyList<string> suffixes, CancellationToken ct)
    {
        var path = PartitionPath(node, partition) + "/blobs?suffixes=" + string.Join(',', suffixes);
        var response = await client.SendAsync([node], n => Request(HttpMethod.Get, n, path, policy, null), idempotent: true, ct);
        return response is { IsSuccess: true } ? JsonSerializer.Deserialize(response.Body, ContractJson.Default.BlobListingEntryArray) : null;
    }

    /// <summary>
    /// Sends a local blob. True when the peer now holds it: stored (201), already there (202), or
    /// refused because it holds a tombstone for it (409), which outranks the body.
    /// </summary>
    public async Task<bool> PushBlobAsync(RingDevice node, int partition, int policy, BlobReader blob, BytePacer pacer, CancellationToken ct)
    {
        using var request = Request(HttpMethod.Put, node, BackendUris.Blob(node, partition, blob.Info.Id.Value), policy, blob.Info.Timestamp);
        request.Headers.TryAddWithoutValidation("ETag", blob.Info.Md5Hex);
        request.Content = new BlobPushContent(blob, pacer);
        using var response = await client.OpenAsync(node, request, ct);
        return response is { StatusCode: System.Net.HttpStatusCode.Created or System.Net.HttpStatusCode.Accepted or System.Net.HttpStatusCode.Conflict };
    }

    /// <summary>Sends a tombstone with its original delete time. True when the peer wrote it (204, or 404: no body was there).</summary>
    public async Task<bool> PushTombstoneAsync(RingDevice node, int partition, int policy, BlobId id, DateTimeOffset deletedAt, CancellationToken ct)
    {
        var response = await client.SendAsync([node], n => Request(HttpMethod.Delete, n, BackendUris.Blob(n, partition, id.Value), policy, deletedAt), idempotent: true, ct);
        return response is { Status: 204 or 404 };
    }

    private HttpRequestMessage Request(HttpMethod method, RingDevice node, string path, int policy, DateTimeOffset? timestamp)
    {
        var now = time.GetUtcNow();
        var call = new CallContext(TransactionId.New(time, "replicator"), Timestamp.FromDateTimeOffset(timestamp ?? now), null);
        var request = RoleClient.Request(method, node, path, call);
        BackendUris.AddPolicy(request, policy);
        return request;
    }

    private static string PartitionPath(RingDevice node, int partition) =>
        "/" + Uri.EscapeDataString(node.Device) + "/" + partition.ToString(CultureInfo.InvariantCulture);
}
