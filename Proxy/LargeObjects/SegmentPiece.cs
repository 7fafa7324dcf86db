namespace CloudFs.Proxy.LargeObjects;

/// <summary>Bytes [Offset, Offset+Length) of one blob: one piece of a large object's body.</summary>
/// <see cref="Whole"/>: the piece is its blob's every byte.
public sealed record SegmentPiece(string BlobId, int PolicyIndex, long Offset, long Length, bool Whole = false)
{
    /// <summary>A piece as the catalog keeps it.</summary>
    public static SegmentPiece Of(Common.Contracts.SegmentRef segment) =>
        new(segment.BlobId, segment.PolicyIndex, segment.Offset, segment.Length, segment.Offset == 0 && segment.Length == segment.BlobBytes);
}
