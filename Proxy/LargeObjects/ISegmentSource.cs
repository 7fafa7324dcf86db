using CloudFs.Backend;

namespace CloudFs.Proxy.LargeObjects;

/// <summary>
/// The pieces of a large object's body for <see cref="SegmentStreamer"/>: their lengths up front
/// (for Content-Length and Range), each piece's blob only when the streamer reaches it, so a
/// source may look segments up lazily (a DLO resolves each segment's name as it goes).
/// </summary>
public interface ISegmentSource
{
    /// <summary>The length of every piece, in body order.</summary>
    IReadOnlyList<long> Lengths { get; }

    /// <summary>
    /// Piece <paramref name="index"/>, whose Length must equal <c>Lengths[index]</c>; null when it
    /// cannot be found any more (the body cannot be made).
    /// </summary>
    ValueTask<SegmentPiece?> PieceAsync(int index, CallContext call, CancellationToken ct);
}
