using CloudFs.ObjectServer.Storage;

namespace CloudFs.UnitTests.ObjectServer;

public class BlobFooterTests
{
    [Test]
    public void TryDecode_EncodedFooter_RoundTrips()
    {
        var id = TestBlobs.NewId();
        var md5 = TestBlobs.RandomBytes(16);
        var at = new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero).AddTicks(1234);

        var footer = BlobFooter.Encode(1000, md5, at);
        var ok = BlobFooter.TryDecode(footer, 1000 + BlobFooter.Size, id, out var info);

        Assert.That(ok, Is.True);
        Assert.That(info, Is.EqualTo(new BlobInfo(id, 1000, Convert.ToHexStringLower(md5), at)));
    }

    [Test]
    public void TryDecode_FooterWithBodyChecksum_RoundTripsIt()
    {
        var id = TestBlobs.NewId();
        var md5 = TestBlobs.RandomBytes(16);
        var at = DateTimeOffset.UnixEpoch.AddDays(20_000);
        var checksum = new UInt128(0x0123456789abcdef, 0xfedcba9876543210);

        var ok = BlobFooter.TryDecode(BlobFooter.Encode(1000, md5, at, checksum), 1000 + BlobFooter.Size, id, out var info);

        Assert.That(ok, Is.True);
        Assert.That(info, Is.EqualTo(new BlobInfo(id, 1000, Convert.ToHexStringLower(md5), at, checksum)));
    }

    [Test]
    public void TryDecode_FooterWithoutBodyChecksum_HasNone()
    {
        var ok = BlobFooter.TryDecode(BlobFooter.Encode(1000, new byte[16], DateTimeOffset.UnixEpoch), 1000 + BlobFooter.Size, TestBlobs.NewId(), out var info);

        Assert.That(ok, Is.True);
        Assert.That(info!.BodyChecksum, Is.Null, "older blobs have zeros there, and are verified by MD5");
    }

    [Test]
    public void TryDecode_FileLengthDisagrees_Rejected()
    {
        var footer = BlobFooter.Encode(1000, new byte[16], DateTimeOffset.UtcNow);

        Assert.That(BlobFooter.TryDecode(footer, 999 + BlobFooter.Size, TestBlobs.NewId(), out _), Is.False);
    }

    [TestCase(0)]
    [TestCase(10)]
    [TestCase(20)]
    [TestCase(60)]
    public void TryDecode_FlippedByte_Rejected(int index)
    {
        var footer = BlobFooter.Encode(1000, new byte[16], DateTimeOffset.UtcNow);
        footer[index] ^= 0xFF;

        Assert.That(BlobFooter.TryDecode(footer, 1000 + BlobFooter.Size, TestBlobs.NewId(), out _), Is.False);
    }
}
