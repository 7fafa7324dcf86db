using CloudFs.Backend;

namespace CloudFs.Proxy.LargeObjects;

/// <summary>An <see cref="ISegmentSource"/> whose pieces are all known up front.</summary>
public sealed class SegmentPieceList(IReadOnlyList<SegmentPiece> pieces) : ISegmentSource
{
    public IReadOnlyList<long> Lengths { get; } = pieces.Select(p => p.Length).ToArray();

    public ValueTask<SegmentPiece?> PieceAsync(int index, CallContext call, CancellationToken ct) => ValueTask.FromResult<SegmentPiece?>(pieces[index]);
}
