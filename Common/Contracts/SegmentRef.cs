using System.Text.Json.Serialization;

namespace CloudFs.Common.Contracts;

/// <summary>
/// One piece of a large object's body as the catalog keeps it: bytes
/// [<see cref="Offset"/>, <see cref="Offset"/> + <see cref="Length"/>) of a blob. A manifest's
/// pieces are flattened (a nested manifest contributes its own pieces), so reading one never
/// needs another lookup, and the catalog knows every blob a manifest still needs.
/// <see cref="BlobBytes"/> is the blob's whole size: a piece that is all of it is read verified.
/// </summary>
public sealed record SegmentRef(
    [property: JsonPropertyName("blob_id")] string BlobId,
    [property: JsonPropertyName("policy_index")] int PolicyIndex,
    [property: JsonPropertyName("offset")] long Offset,
    [property: JsonPropertyName("length")] long Length,
    [property: JsonPropertyName("blob_bytes")] long BlobBytes);
