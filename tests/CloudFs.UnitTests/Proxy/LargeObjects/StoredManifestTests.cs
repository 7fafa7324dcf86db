using System.Text;
using CloudFs.Common.Contracts;
using CloudFs.Common.Ranges;
using CloudFs.Proxy.LargeObjects;

namespace CloudFs.UnitTests.Proxy.LargeObjects;

/// <summary>The stored and raw manifest forms and the SLO ETag, against values Swift 2.30 produced.</summary>
public class StoredManifestTests
{
    private static readonly StoredSegment S1 = new("/c/s1", 5, "594f803b380a41396ed63dca39503542", "application/octet-stream", "2026-12-01T13:18:47.000000", null, false);
    private static readonly StoredSegment S2 = new("/c/s2", 7, "e1faffe9c3c801f2f8c3fbe7cb032cb2", "application/octet-stream", "2026-12-01T13:18:47.000000", null, false);

    [Test]
    public void Etag_OfPlainSegments_IsSwifts()
    {
        // Recorded: the manifest of "aaaaa" and "bbbbbbb" answers ETag "b2cd475f52453c54f393e9a6516008f9".
        Assert.That(StoredManifest.Etag([S1, S2]), Is.EqualTo("b2cd475f52453c54f393e9a6516008f9"));
    }

    [Test]
    public void Etag_OfRangedAndInlineSegments_IsSwifts()
    {
        // Recorded: s1 "1-2" and s2 "-2" (normalised to "5-6") give "962aa7c8ca9267f232a65eb542d79217";
        // inline "inline" then s1 gives "88fa7e665a86a57cd383cd0d264a283b".
        Assert.That(StoredManifest.Etag([S1 with { Range = "1-2" }, S2 with { Range = "5-6" }]), Is.EqualTo("962aa7c8ca9267f232a65eb542d79217"));
        Assert.That(StoredManifest.Etag([StoredSegment.Inline(Encoding.ASCII.GetBytes("inline")), S1]), Is.EqualTo("88fa7e665a86a57cd383cd0d264a283b"));
    }

    [Test]
    public void Write_IsPythonJsonDumps_AndReadsBack()
    {
        var json = StoredManifest.Write([S1 with { Range = "1-2", SubSlo = true }, StoredSegment.Inline([1, 2])]);
        Assert.That(Encoding.ASCII.GetString(json), Is.EqualTo(
            "[{\"name\": \"/c/s1\", \"bytes\": 5, \"hash\": \"594f803b380a41396ed63dca39503542\", \"content_type\": \"application/octet-stream\", "
            + "\"last_modified\": \"2026-12-01T13:18:47.000000\", \"range\": \"1-2\", \"sub_slo\": true}, {\"data\": \"AQI=\"}]"));
        Assert.That(StoredManifest.Read(json), Is.EqualTo(new[] { S1 with { Range = "1-2", SubSlo = true }, StoredSegment.Inline([1, 2]) }));
    }

    [Test]
    public void WriteRaw_IsThePutForm_WithSortedKeys()
    {
        // Recorded body of ?multipart-manifest=get&format=raw.
        Assert.That(Encoding.ASCII.GetString(StoredManifest.WriteRaw([S1, S2 with { Range = "5-6" }])), Is.EqualTo(
            "[{\"etag\": \"594f803b380a41396ed63dca39503542\", \"path\": \"/c/s1\", \"size_bytes\": 5}, "
            + "{\"etag\": \"e1faffe9c3c801f2f8c3fbe7cb032cb2\", \"path\": \"/c/s2\", \"range\": \"5-6\", \"size_bytes\": 7}]"));
    }

    [Test]
    public void Read_OfGarbage_IsEmpty()
    {
        Assert.That(StoredManifest.Read("nope"u8), Is.Empty);
    }

    [TestCase("1-2", 7, 1, 2)]
    [TestCase("-2", 7, 5, 2)]
    [TestCase("3-", 7, 3, 4)]
    [TestCase("5-100", 7, 5, 2)]
    [TestCase("-100", 7, 0, 7)]
    public void SegmentRange_ResolvesAsSwob(string text, long size, long start, long length)
    {
        Assert.That(SegmentRange.TryParse(text, out _)!.Value.Resolve(size), Is.EqualTo(new ByteRange(start, length)));
    }

    [TestCase("7-", 7)]
    [TestCase("-0", 7)]
    public void SegmentRange_Unsatisfiable(string text, long size)
    {
        Assert.That(SegmentRange.TryParse(text, out _)!.Value.Resolve(size), Is.Null);
    }

    [TestCase("x", false)]
    [TestCase("2-1", false)]
    [TestCase("-", false)]
    [TestCase("1-2,3-4", true)]
    public void SegmentRange_Invalid(string text, bool multiple)
    {
        Assert.That(SegmentRange.TryParse(text, out var several), Is.Null);
        Assert.That(several, Is.EqualTo(multiple));
    }

    [Test]
    public void ResolvedSegment_Slice_ClipsPiecesToTheRange()
    {
        var segment = new ResolvedSegment(30, "e", true, [new SegmentRef("a", 0, 100, 10, 200), new SegmentRef("b", 1, 0, 20, 20)]);
        Assert.That(segment.Slice(new ByteRange(5, 10)), Is.EqualTo(new[] { new SegmentRef("a", 0, 105, 5, 200), new SegmentRef("b", 1, 0, 5, 20) }));
        Assert.That(segment.Slice(new ByteRange(12, 3)), Is.EqualTo(new[] { new SegmentRef("b", 1, 2, 3, 20) }));
    }

    [Test]
    public void WholeBlobPieces_AreReadWithoutARange_SoTheObjectServerChecksTheirMd5()
    {
        var whole = SegmentPiece.Of(new SegmentRef("a", 0, 0, 20, 20));
        var part = SegmentPiece.Of(new SegmentRef("b", 0, 0, 10, 20));
        Assert.That(whole.Whole, Is.True);
        Assert.That(part.Whole, Is.False);
        Assert.That(new SegmentSlice(0, 0, 20).BlobRange(whole), Is.Empty);
        Assert.That(new SegmentSlice(0, 5, 10).BlobRange(whole), Is.EqualTo("bytes=5-14"));
        Assert.That(new SegmentSlice(0, 0, 10).BlobRange(part), Is.EqualTo("bytes=0-9"));
    }
}
