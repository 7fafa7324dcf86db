using CloudFs.Common.Contracts;
using CloudFs.Common.Time;

namespace CloudFs.Proxy.Objects;

/// <summary>
/// An object as the container server resolves it: what GET and HEAD answer from.
/// <see cref="Segments"/> is set when the body is made of pieces (a static large object, or a
/// byte-free copy of one).
/// </summary>
public sealed record ObjectRecord(
    string Name,
    long Bytes,
    string Hash,
    string ContentType,
    Timestamp Timestamp,
    string BlobId,
    long? DeleteAt,
    IReadOnlyDictionary<string, string> Meta,
    IReadOnlyDictionary<string, string> Sys,
    int PolicyIndex = 0,
    long? SloBytes = null,
    string? SloEtag = null,
    IReadOnlyList<SegmentRef>? Segments = null,
    bool Versioned = false)
{
    /// <summary>A static large object: its blob is the manifest, its body the pieces.</summary>
    public bool IsSlo => SloBytes is not null;

    /// <summary>The container server's answer as the proxy uses it.</summary>
    public static ObjectRecord From(ResolvedObject resolved) => new(
        resolved.Name,
        resolved.Bytes,
        resolved.Hash ?? "",
        resolved.ContentType is { Length: > 0 } type ? type : "application/octet-stream",
        Timestamp.TryParse(resolved.Timestamp, out var timestamp) ? timestamp : default,
        resolved.BlobId ?? "",
        resolved.DeleteAt,
        new Dictionary<string, string>(resolved.Meta, StringComparer.OrdinalIgnoreCase),
        new Dictionary<string, string>(resolved.Sys, StringComparer.OrdinalIgnoreCase),
        resolved.PolicyIndex,
        resolved.SloBytes,
        resolved.SloEtag,
        resolved.Segments,
        resolved.Versioned);
}
