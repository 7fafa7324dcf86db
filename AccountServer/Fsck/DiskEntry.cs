using System.Text.Json.Serialization;

namespace CloudFs.AccountServer.Fsck;

/// <summary>One file of an object server's partition listing (<c>GET /{device}/{partition}/blobs</c>).</summary>
public sealed record DiskEntry(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("kind")] string Kind,
    [property: JsonPropertyName("mtime")] long Mtime)
{
    public bool IsBlob => Kind == "blob";
}
