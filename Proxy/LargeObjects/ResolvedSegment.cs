using CloudFs.Common.Contracts;
using CloudFs.Common.Ranges;
using CloudFs.Proxy.Objects;

namespace CloudFs.Proxy.LargeObjects;

/// <summary>
/// A segment object as a manifest sees it: its size and ETag as a HEAD answers them (a nested
/// static large object's are its own) and the pieces its body is made of.
/// </summary>
public sealed record ResolvedSegment(long Bytes, string Etag, bool IsSlo, IReadOnlyList<SegmentRef> Pieces)
{
    public static ResolvedSegment From(ObjectRecord record) => record switch
    {
        { SloBytes: { } bytes, SloEtag: { } etag, Segments: { } pieces } => new(bytes, etag, true, pieces),
        { Segments: { } pieces } => new(record.Bytes, record.Hash, false, pieces),
        _ => new(record.Bytes, record.Hash, false, record.Bytes == 0 ? [] : [new SegmentRef(record.BlobId, record.PolicyIndex, 0, record.Bytes, record.Bytes)]),
    };

    /// <summary>The pieces holding bytes [range.Start, range.End] of this segment's body.</summary>
    public IEnumerable<SegmentRef> Slice(ByteRange range)
    {
        long position = 0;
        var end = range.Start + range.Length;
        foreach (var piece in Pieces)
        {
            var (from, to) = (Math.Max(position, range.Start), Math.Min(position + piece.Length, end));
            if (from < to)
            {
                yield return piece with { Offset = piece.Offset + (from - position), Length = to - from };
            }

            position += piece.Length;
        }
    }
}
