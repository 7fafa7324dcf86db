namespace CloudFs.AccountServer.Core;

/// <summary>
/// An object's new version: the blob the proxy wrote to a quorum, its MD5 and size, and the
/// metadata the client sent. System values (Content-Encoding, Content-Disposition) are kept
/// beside the user metadata. <see cref="PolicyIndex"/> is the policy whose ring holds the blob
/// (null: the container's). <see cref="Composite"/>: the pieces of a large object's body.
/// </summary>
public sealed record ObjectCommit(
    string BlobId,
    string Etag,
    long Size,
    string ContentType,
    long? DeleteAt,
    IReadOnlyDictionary<string, string> Metadata,
    IReadOnlyDictionary<string, string> System,
    string? ReservationId,
    int? PolicyIndex = null,
    CloudFs.Common.Contracts.CompositeBody? Composite = null,
    bool BlobWritten = false);
