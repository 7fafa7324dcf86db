using System.Text.Json.Serialization;

namespace CloudFs.Common.Contracts;

/// <summary>
/// One file in an object server's partition listing (<c>GET /{device}/{partition}/blobs</c>):
/// a blob or a tombstone, with its age in unix seconds so fresh uploads not yet committed are
/// never taken for orphans.
/// </summary>
public sealed record BlobListingEntry(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("kind")] string Kind,
    [property: JsonPropertyName("mtime")] long Mtime)
{
    public const string Blob = "blob";
    public const string Tombstone = "tombstone";
}
