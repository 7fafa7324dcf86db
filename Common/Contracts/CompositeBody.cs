using System.Text.Json.Serialization;

namespace CloudFs.Common.Contracts;

/// <summary>
/// The body of an object made of other blobs, sent with its commit (the JSON body of a commit
/// marked <see cref="BackendHeaders.Composite"/>). A static large object has
/// <see cref="SloBytes"/> and <see cref="SloEtag"/> (its size and ETag as clients see them; the
/// row's own size and ETag are its manifest's); a copy of one is a plain object whose body is
/// the same pieces, with neither.
/// </summary>
public sealed record CompositeBody(
    [property: JsonPropertyName("slo_bytes")] long? SloBytes,
    [property: JsonPropertyName("slo_etag")] string? SloEtag,
    [property: JsonPropertyName("segments")] IReadOnlyList<SegmentRef> Segments);
