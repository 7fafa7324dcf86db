using CloudFs.Backend;
using CloudFs.Proxy.Backend;
using CloudFs.Proxy.Paths;

namespace CloudFs.Proxy.LargeObjects;

/// <summary>
/// A DLO's segments for <see cref="SegmentStreamer"/>. Sizes come from the listing; each
/// segment's blob is resolved by name only when the streamer reaches it, so the first byte does
/// not wait for thousands of lookups, a HEAD needs none, and a Range reads only the segments it
/// covers. A segment deleted, expired or rewritten with another size since the listing ends the
/// body (Swift likewise checks the bytes it sends against the length it announced).
/// </summary>
public sealed class DloSegmentSource(CatalogClient catalog, TimeProvider time, string account, string container, DloSegmentList list) : ISegmentSource
{
    public IReadOnlyList<long> Lengths { get; } = list.Segments.Select(s => s.Bytes).ToArray();

    public async ValueTask<SegmentPiece?> PieceAsync(int index, CallContext call, CancellationToken ct)
    {
        var segment = list.Segments[index];
        var resolved = await catalog.ResolveAsync(new ResourcePath(account, container, segment.Name, ""), call, ct);
        if (!resolved.IsSuccess)
        {
            return null;
        }

        var record = resolved.Value;
        if (record.DeleteAt is { } at && at <= time.GetUtcNow().ToUnixTimeSeconds())
        {
            return null;
        }

        return new SegmentPiece(record.BlobId, record.PolicyIndex, 0, record.Bytes, Whole: true);
    }
}
