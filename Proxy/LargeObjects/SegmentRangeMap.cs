using CloudFs.Common.Ranges;

namespace CloudFs.Proxy.LargeObjects;

/// <summary>
/// Maps byte ranges of a large object's body (the pieces laid end to end) onto the pieces
/// that hold them. Pure arithmetic, kept apart from the HTTP code so it can be tested alone.
/// </summary>
public sealed class SegmentRangeMap
{
    // _starts[i] = offset of piece i in the whole body; one extra entry holds the total.
    private readonly long[] _starts;

    public SegmentRangeMap(IReadOnlyList<long> lengths)
    {
        ArgumentNullException.ThrowIfNull(lengths);
        _starts = new long[lengths.Count + 1];
        for (var i = 0; i < lengths.Count; i++)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(lengths[i]);
            _starts[i + 1] = checked(_starts[i] + lengths[i]);
        }
    }

    public static SegmentRangeMap For(IReadOnlyList<SegmentPiece> pieces)
    {
        ArgumentNullException.ThrowIfNull(pieces);
        return new SegmentRangeMap(pieces.Select(p => p.Length).ToArray());
    }

    /// <summary>The body's length: the sum of the pieces' lengths.</summary>
    public long Total => _starts[^1];

    /// <summary>The whole body, piece by piece; empty pieces are left out.</summary>
    public IReadOnlyList<SegmentSlice> All() => Total == 0 ? [] : Slices(new ByteRange(0, Total));

    /// <summary>
    /// The slices that make up <paramref name="range"/>, in order; empty pieces are left out. The
    /// range must lie within the body (RangeHeaderParser only yields such ranges).
    /// </summary>
    public IReadOnlyList<SegmentSlice> Slices(ByteRange range)
    {
        if (range.Start < 0 || range.Length <= 0 || range.Start + range.Length > Total)
        {
            throw new ArgumentOutOfRangeException(nameof(range), range, $"Not within a body of {Total} bytes.");
        }

        var slices = new List<SegmentSlice>();
        var end = range.Start + range.Length;
        for (var i = FirstPieceAt(range.Start); i < _starts.Length - 1 && _starts[i] < end; i++)
        {
            var from = Math.Max(range.Start, _starts[i]);
            var to = Math.Min(end, _starts[i + 1]);
            if (to > from)
            {
                slices.Add(new SegmentSlice(i, from - _starts[i], to - from));
            }
        }

        return slices;
    }

    // The last piece that starts at or before 'offset' (binary search: manifests can have
    // thousands of segments and a multi-range GET asks this up to 50 times).
    private int FirstPieceAt(long offset)
    {
        var index = Array.BinarySearch(_starts, 0, _starts.Length - 1, offset);
        if (index < 0)
        {
            return ~index - 1;
        }

        // Several pieces may start at the same offset when some are empty: take the first.
        while (index > 0 && _starts[index - 1] == offset)
        {
            index--;
        }

        return index;
    }
}
