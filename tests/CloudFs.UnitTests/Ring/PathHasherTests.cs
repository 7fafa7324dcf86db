using CloudFs.Ring;

namespace CloudFs.UnitTests.Ring;

public class PathHasherTests
{
    // Expected digests were produced independently with Python's hashlib, as Swift's hash_path does:
    //   python3 -c 'import hashlib; print(hashlib.md5((pre + "/" + "/".join(parts) + suf).encode()).hexdigest())'
    [TestCase("", "", "AUTH_test", null, null, "50556319ff183c6ba65df78853cf2eca")]
    [TestCase("", "", "AUTH_test", "photos", null, "7ef0ceaf2e55193a44967139216dd6eb")]
    [TestCase("", "", "AUTH_test", "photos", "2024/cat.jpg", "eb38ad24a164796f9a10aa14358d9a39")]
    [TestCase("changeme", "endcap", "AUTH_test", null, null, "d4db8806373047634f183cb99a695534")]
    [TestCase("changeme", "endcap", "AUTH_test", "photos", null, "088f10a0ecd6e932ff326455e83e8c14")]
    [TestCase("changeme", "endcap", "AUTH_test", "photos", "2024/cat.jpg", "11fff6c2d877990b02c636c3b24f3e4d")]
    [TestCase("pre", "suf", "AUTH_ünï", "cöntainer", null, "4acca7f5f320e7d780f64f8b5a8202e7")]
    public void HashHex_GoldenVectors_MatchSwiftHashPath(string prefix, string suffix, string account, string? container, string? obj, string expected)
    {
        var hasher = new PathHasher(new HashPathOptions(prefix, suffix));

        Assert.That(hasher.HashHex(account, container, obj), Is.EqualTo(expected));
    }

    [Test]
    public void HashTop32_GoldenVector_IsBigEndianFirstFourBytes()
    {
        // struct.unpack('>I', md5(b"changeme/AUTH_testendcap").digest()[:4])[0] == 3571156998
        var hasher = new PathHasher(new HashPathOptions("changeme", "endcap"));

        Assert.That(hasher.HashTop32("AUTH_test"), Is.EqualTo(3571156998u));
    }

    [Test]
    public void HashHex_LongKey_UsesPooledBufferAndStillMatches()
    {
        string longName = new('x', 5000);
        var hasher = new PathHasher(HashPathOptions.None);
        var expected = Convert.ToHexStringLower(System.Security.Cryptography.MD5.HashData(System.Text.Encoding.UTF8.GetBytes("/a/" + longName)));

        Assert.That(hasher.HashHex("a", longName), Is.EqualTo(expected));
    }

    [Test]
    public void Hash_ObjectWithoutContainer_Throws()
    {
        var hasher = new PathHasher(HashPathOptions.None);

        Assert.Throws<ArgumentException>(() => hasher.HashHex("a", null, "o"));
    }
}
