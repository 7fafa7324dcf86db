using CloudFs.Proxy.Middleware.TempUrl;

namespace CloudFs.UnitTests.Proxy.Middleware;

/// <summary>Vectors are signatures the real Swift 2.30.1 accepted for these URLs (key "secret").</summary>
public class TempUrlSignatureTests
{
    private const string Path = "/v1/AUTH_test/c/o.txt";

    [TestCase("sha256", null, "aa51db7d5a63f537e947923912b6ba062663dfba45154f6053c0438fc55fd0cd")]
    [TestCase("sha1", null, "f8c0675c9b244e8badb4614ae4a80a8ff8f9426e")]
    [TestCase("sha256", "127.0.0.0/8", "fe598e04ec3a1198e0d7cfc61a3097a02ec0c9eb13081f5171c8653b6d3ebbdb")]
    public void Compute_MatchesSwift(string digest, string? ipRange, string expected)
    {
        Assert.That(TempUrlSignature.Compute("GET", 1796131740, Path, "secret", digest, ipRange), Is.EqualTo(expected));
    }

    [TestCase(40, "sha1")]
    [TestCase(64, "sha256")]
    [TestCase(128, "sha512")]
    public void Parse_HexLength_NamesTheDigest(int length, string digest)
    {
        var hex = new string('a', length);

        Assert.That(TempUrlSignature.Parse(hex), Is.EqualTo((digest, hex)));
    }

    [TestCase("abc")]
    [TestCase("zz00000000000000000000000000000000000000")]
    [TestCase("")]
    [TestCase("sha512:not*base64")]
    public void Parse_Garbage_IsNull(string value)
    {
        Assert.That(TempUrlSignature.Parse(value), Is.Null);
    }

    [Test]
    public void Parse_Base64Forms_GiveTheSameHex()
    {
        var hex = TempUrlSignature.Compute("GET", 1796131740, Path, "secret", "sha512");
        var bytes = Convert.FromHexString(hex);
        var standard = Convert.ToBase64String(bytes);
        var urlSafe = standard.Replace('+', '-').Replace('/', '_').TrimEnd('=');

        Assert.That(TempUrlSignature.Parse("sha512:" + standard), Is.EqualTo(("sha512", hex)));
        Assert.That(TempUrlSignature.Parse("sha512:" + urlSafe), Is.EqualTo(("sha512", hex)));
    }

    [Test]
    public void Digests_EmptyOrUnknown_FallBackAsSwiftDoes()
    {
        Assert.That(new TempUrlOptions { AllowedDigests = "" }.Digests(), Is.EqualTo(new[] { "sha1", "sha256", "sha512" }));
        Assert.That(new TempUrlOptions { AllowedDigests = "SHA512 md5 sha256" }.Digests(), Is.EqualTo(new[] { "sha256", "sha512" }));
    }
}
