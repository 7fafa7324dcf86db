using CloudFs.Common.Contracts;
using CloudFs.Common.Paths;
using CloudFs.Ring;

namespace CloudFs.Backend;

/// <summary>Functional URLs on role servers, built without any path normalisation (object names may hold "." segments).</summary>
public static class BackendUris
{
    private static readonly UriCreationOptions Verbatim = new() { DangerousDisablePathAndQueryCanonicalization = true };

    public static Uri For(RingDevice node, string pathAndQuery) => new($"http://{node.Endpoint}{pathAndQuery}", Verbatim);

    public static string Prefix(RingDevice node) => $"http://{node.Endpoint}";

    public static string Catalog(RingDevice node, int partition, string account, string? container = null, string? obj = null, string prefix = "") =>
        new BackendPath(node.Device, partition, account, container, obj).Format(prefix);

    public static string Blob(RingDevice node, int partition, string blobId) =>
        $"/{Uri.EscapeDataString(node.Device)}/{partition}/blobs/{blobId}";

    /// <summary>Names the storage policy of a blob request; policy 0 sends nothing (what older servers assume).</summary>
    public static void AddPolicy(HttpRequestMessage request, int policyIndex)
    {
        if (policyIndex != 0)
        {
            request.Headers.TryAddWithoutValidation(BackendHeaders.StoragePolicyIndex, policyIndex.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
    }
}
