namespace CloudFs.Proxy.LargeObjects;

/// <summary>
/// What to read for part of a large object's body: <see cref="Length"/> bytes of piece
/// <see cref="PieceIndex"/>, starting <see cref="Start"/> bytes into that piece (not into its blob).
/// </summary>
public readonly record struct SegmentSlice(int PieceIndex, long Start, long Length)
{
    /// <summary>The backend Range header that reads this slice from its piece's blob.</summary>
    public string BlobRange(SegmentPiece piece)
    {
        ArgumentNullException.ThrowIfNull(piece);
        var first = piece.Offset + Start;
        return string.Create(System.Globalization.CultureInfo.InvariantCulture, $"bytes={first}-{first + Length - 1}");
    }
}
