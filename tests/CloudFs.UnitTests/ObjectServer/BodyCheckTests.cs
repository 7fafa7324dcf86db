using System.IO.Hashing;
using CloudFs.ObjectServer.Storage;

namespace CloudFs.UnitTests.ObjectServer;

/// <summary>Which hash a verified read uses, and that each one tells a good body from a damaged one.</summary>
public class BodyCheckTests
{
    private static readonly byte[] Body = TestBlobs.RandomBytes(10_000);

    [TestCase(true)]
    [TestCase(false)]
    public void Cheapest_UsesTheFooterChecksumOnlyWhenThereIsOne(bool hasChecksum)
    {
        using var check = BodyCheck.Cheapest(Info(hasChecksum));

        Assert.That(check.IsFast, Is.EqualTo(hasChecksum));
    }

    [Test]
    public void Md5_IgnoresTheFooterChecksum()
    {
        using var check = BodyCheck.Md5(Info(hasChecksum: true));

        Assert.That(check.IsFast, Is.False);
    }

    [TestCase(true)]
    [TestCase(false)]
    public void Matches_TheBodyInPieces_True(bool hasChecksum)
    {
        using var check = BodyCheck.Cheapest(Info(hasChecksum));

        check.Append(Body.AsSpan(0, 3000));
        check.Append(Body.AsSpan(3000));

        Assert.That(check.Matches(), Is.True);
    }

    [TestCase(true)]
    [TestCase(false)]
    public void Matches_OneFlippedBit_False(bool hasChecksum)
    {
        var damaged = Body.ToArray();
        damaged[5000] ^= 0x10;
        using var check = BodyCheck.Cheapest(Info(hasChecksum));

        check.Append(damaged);

        Assert.That(check.Matches(), Is.False);
    }

    private static BlobInfo Info(bool hasChecksum) =>
        new(TestBlobs.NewId(), Body.Length, TestBlobs.Md5(Body), DateTimeOffset.UnixEpoch, hasChecksum ? XxHash128.HashToUInt128(Body) : null);
}
