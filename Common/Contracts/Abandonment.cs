using System.Text.Json.Serialization;

namespace CloudFs.Common.Contracts;

/// <summary>
/// The proxy's word to the account server that an admitted upload will never be committed (no
/// quorum, the client gone, a bad ETag...): free its reservation now and queue the blobs it
/// wrote for collection. Best effort: the reservation's expiry is the backstop when it is lost.
/// A queued blob that a row names after all (a commit that landed though its answer was lost)
/// is never freed: the collector's claim re-checks references.
/// </summary>
public sealed record Abandonment(
    [property: JsonPropertyName("reservation")] string Reservation,
    [property: JsonPropertyName("blob_ids")] IReadOnlyList<string> BlobIds);
