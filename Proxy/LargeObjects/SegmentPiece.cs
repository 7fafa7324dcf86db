namespace CloudFs.Proxy.LargeObjects;

/// <summary>Bytes [Offset, Offset+Length) of one blob: one piece of a large object's body.</summary>
public sealed record SegmentPiece(string BlobId, int PolicyIndex, long Offset, long Length);
