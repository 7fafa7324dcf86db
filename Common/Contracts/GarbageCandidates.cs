using System.Text.Json.Serialization;

namespace CloudFs.Common.Contracts;

/// <summary>
/// The account server's answer to an object server's <c>POST /garbage/claim</c>: a page of blobs
/// the collector may delete (queued, past the grace period, named by no row).
/// </summary>
public sealed record GarbageCandidates(
    [property: JsonPropertyName("blob_ids")] IReadOnlyList<string> BlobIds,
    [property: JsonPropertyName("next_marker")] string? NextMarker);
