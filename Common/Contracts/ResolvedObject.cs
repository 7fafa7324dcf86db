using System.Text.Json.Serialization;

namespace CloudFs.Common.Contracts;

/// <summary>
/// The container server's answer to "which body does this name point at" (read by the proxy): what GET and HEAD need without
/// touching an object server. <see cref="LastModified"/> is the listing form of
/// <see cref="Timestamp"/> (X-Timestamp); <see cref="DeleteAt"/> is unix seconds; <see cref="PolicyIndex"/>
/// is the storage policy whose object ring holds the blob (the container's, unless the blob was
/// shared by a server-side copy from a container of another policy). <see cref="Segments"/> is
/// set when the body is made of other blobs (a static large object, or a copy of one);
/// <see cref="SloBytes"/> and <see cref="SloEtag"/> when the object is a static large object.
/// <see cref="Versioned"/>: the container has had object versioning enabled (its objects answer with X-Object-Version-Id).
/// </summary>
public sealed record ResolvedObject(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("bytes")] long Bytes,
    [property: JsonPropertyName("hash")] string? Hash,
    [property: JsonPropertyName("content_type")] string? ContentType,
    [property: JsonPropertyName("last_modified")] string LastModified,
    [property: JsonPropertyName("timestamp")] string Timestamp,
    [property: JsonPropertyName("blob_id")] string? BlobId,
    [property: JsonPropertyName("delete_at")] long? DeleteAt,
    [property: JsonPropertyName("state")] string State,
    [property: JsonPropertyName("meta")] IReadOnlyDictionary<string, string> Meta,
    [property: JsonPropertyName("sys")] IReadOnlyDictionary<string, string> Sys,
    [property: JsonPropertyName("policy_index")] int PolicyIndex = 0,
    [property: JsonPropertyName("slo_bytes")] long? SloBytes = null,
    [property: JsonPropertyName("slo_etag")] string? SloEtag = null,
    [property: JsonPropertyName("segments")] IReadOnlyList<SegmentRef>? Segments = null,
    [property: JsonPropertyName("versioned")] bool Versioned = false);
