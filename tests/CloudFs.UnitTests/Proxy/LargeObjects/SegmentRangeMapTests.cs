using CloudFs.Common.Ranges;
using CloudFs.Proxy.LargeObjects;

namespace CloudFs.UnitTests.Proxy.LargeObjects;

public class SegmentRangeMapTests
{
    // Pieces of 10, 0, 5 and 20 bytes: the body is 35 bytes, piece 2 starts at 10, piece 3 at 15.
    private static readonly SegmentRangeMap Map = new([10, 0, 5, 20]);

    [Test]
    public void Total_IsTheSumOfTheLengths()
    {
        Assert.That(Map.Total, Is.EqualTo(35));
        Assert.That(new SegmentRangeMap([]).Total, Is.Zero);
    }

    [Test]
    public void All_EveryNonEmptyPieceWhole()
    {
        Assert.That(Map.All(), Is.EqualTo(new[] { new SegmentSlice(0, 0, 10), new SegmentSlice(2, 0, 5), new SegmentSlice(3, 0, 20) }));
    }

    [Test]
    public void All_OfAnEmptyBody_IsEmpty()
    {
        Assert.That(new SegmentRangeMap([0, 0]).All(), Is.Empty);
    }

    [Test]
    public void Slices_WithinOnePiece_OffsetIntoThatPiece()
    {
        Assert.That(Map.Slices(new ByteRange(17, 3)), Is.EqualTo(new[] { new SegmentSlice(3, 2, 3) }));
    }

    [Test]
    public void Slices_AcrossPieces_SkipsTheEmptyOne()
    {
        // bytes 8-16: the last 2 of piece 0, all of piece 2, the first 2 of piece 3.
        Assert.That(Map.Slices(new ByteRange(8, 9)),
            Is.EqualTo(new[] { new SegmentSlice(0, 8, 2), new SegmentSlice(2, 0, 5), new SegmentSlice(3, 0, 2) }));
    }

    [Test]
    public void Slices_StartingExactlyAtABoundary_BeginsWithTheNextNonEmptyPiece()
    {
        // Offset 10 is both the end of piece 0 and the start of pieces 1 (empty) and 2.
        Assert.That(Map.Slices(new ByteRange(10, 1)), Is.EqualTo(new[] { new SegmentSlice(2, 0, 1) }));
        Assert.That(Map.Slices(new ByteRange(15, 20)), Is.EqualTo(new[] { new SegmentSlice(3, 0, 20) }));
    }

    [Test]
    public void Slices_EndingExactlyAtABoundary_DoesNotTouchTheNextPiece()
    {
        Assert.That(Map.Slices(new ByteRange(0, 10)), Is.EqualTo(new[] { new SegmentSlice(0, 0, 10) }));
    }

    [Test]
    public void Slices_LastByteAndFirstByte()
    {
        Assert.That(Map.Slices(new ByteRange(34, 1)), Is.EqualTo(new[] { new SegmentSlice(3, 19, 1) }));
        Assert.That(Map.Slices(new ByteRange(0, 1)), Is.EqualTo(new[] { new SegmentSlice(0, 0, 1) }));
    }

    [Test]
    public void Slices_FromParsedSuffixRange_MapsTheTail()
    {
        var request = RangeHeaderParser.Parse("bytes=-22", Map.Total);

        Assert.That(Map.Slices(request.Ranges[0]), Is.EqualTo(new[] { new SegmentSlice(2, 3, 2), new SegmentSlice(3, 0, 20) }));
    }

    [Test]
    public void Slices_ManyPieces_FindsTheRightOne()
    {
        var map = new SegmentRangeMap(Enumerable.Repeat(1_048_576L, 5000).ToArray());

        Assert.That(map.Slices(new ByteRange(4321L * 1_048_576 + 7, 1_048_576)),
            Is.EqualTo(new[] { new SegmentSlice(4321, 7, 1_048_569), new SegmentSlice(4322, 0, 7) }));
    }

    [Test]
    public void Slices_OutsideTheBody_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Map.Slices(new ByteRange(30, 6)));
        Assert.Throws<ArgumentOutOfRangeException>(() => Map.Slices(new ByteRange(0, 0)));
    }

    [Test]
    public void BlobRange_AddsThePieceOffsetWithinItsBlob()
    {
        var piece = new SegmentPiece("blob", 0, 100, 50);

        Assert.That(new SegmentSlice(0, 5, 10).BlobRange(piece), Is.EqualTo("bytes=105-114"));
    }

    [Test]
    public void Constructor_NegativeLength_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => _ = new SegmentRangeMap([5, -1]));
    }
}
