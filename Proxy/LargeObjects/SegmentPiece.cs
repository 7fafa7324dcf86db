namespace CloudFs.Proxy.LargeObjects;

/// <summary>Bytes [Offset, Offset+Length) of one blob: one piece of a large object's body.</summary>
public sealed record SegmentPiece(string BlobId, int PolicyIndex, long Offset, long Length)
{
    /// <summary>A piece as the catalog keeps it.</summary>
    public static SegmentPiece Of(Common.Contracts.SegmentRef segment) => new(segment.BlobId, segment.PolicyIndex, segment.Offset, segment.Length);
}
