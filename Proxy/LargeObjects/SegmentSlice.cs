namespace CloudFs.Proxy.LargeObjects;

/// <summary>
/// What to read for part of a large object's body: <see cref="Length"/> bytes of piece
/// <see cref="PieceIndex"/>, starting <see cref="Start"/> bytes into that piece (not into its blob).
/// </summary>
public readonly record struct SegmentSlice(int PieceIndex, long Start, long Length)
{
    /// <summary>
    /// The backend Range header that reads this slice from its piece's blob; none when the slice
    /// is a whole blob, so the object server reads it verified (it checks the MD5 of whole reads
    /// and quarantines a blob that fails, as Swift's object server does for reads from byte 0).
    /// </summary>
    public string BlobRange(SegmentPiece piece)
    {
        ArgumentNullException.ThrowIfNull(piece);
        if (piece.Whole && Start == 0 && Length == piece.Length)
        {
            return "";
        }

        var first = piece.Offset + Start;
        return string.Create(System.Globalization.CultureInfo.InvariantCulture, $"bytes={first}-{first + Length - 1}");
    }
}
