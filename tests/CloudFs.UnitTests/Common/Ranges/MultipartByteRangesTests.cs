using System.Text;
using CloudFs.Common.Ranges;

namespace CloudFs.UnitTests.Common.Ranges;

public class MultipartByteRangesTests
{
    [Test]
    public async Task WriteAsync_TwoRanges_FramesPartsAndMatchesContentLength()
    {
        var data = Encoding.ASCII.GetBytes("0123456789abcdefghij");
        var ranges = new[] { new ByteRange(0, 3), new ByteRange(15, 5) };
        var multipart = new MultipartByteRanges(ranges, data.Length, "application/octet-stream", "BOUNDARY");
        using var output = new MemoryStream();

        await multipart.WriteAsync(output, (r, s, ct) => s.WriteAsync(data.AsMemory((int)r.Start, (int)r.Length), ct).AsTask(), CancellationToken.None);

        var text = Encoding.ASCII.GetString(output.ToArray());
        Assert.That(output.Length, Is.EqualTo(multipart.ContentLength));
        Assert.That(multipart.ContentType, Is.EqualTo("multipart/byteranges;boundary=BOUNDARY"));
        Assert.That(text, Is.EqualTo(
            "--BOUNDARY\r\nContent-Type: application/octet-stream\r\nContent-Range: bytes 0-2/20\r\n\r\n012" +
            "\r\n--BOUNDARY\r\nContent-Type: application/octet-stream\r\nContent-Range: bytes 15-19/20\r\n\r\nfghij" +
            "\r\n--BOUNDARY--"));
    }

    [Test]
    public void Constructor_NoBoundaryGiven_RandomHex()
    {
        var a = new MultipartByteRanges([new ByteRange(0, 1)], 1, "x/y");
        var b = new MultipartByteRanges([new ByteRange(0, 1)], 1, "x/y");

        Assert.That(a.Boundary, Has.Length.EqualTo(32));
        Assert.That(a.Boundary, Is.Not.EqualTo(b.Boundary));
    }
}
