using CloudFs.ObjectServer.Endpoints;

namespace CloudFs.UnitTests.ObjectServer;

public class HeaderParsingTests
{
    [Test]
    public void SwiftTimestamp_TryParse_FiveDecimals_RoundTrips()
    {
        Assert.That(SwiftTimestamp.TryParse("1700000000.12345", out var value), Is.True);
        Assert.That(value, Is.EqualTo(DateTimeOffset.FromUnixTimeSeconds(1700000000).AddTicks(1234500)));
        Assert.That(SwiftTimestamp.Format(value!.Value), Is.EqualTo("1700000000.12345"));
    }

    [TestCase("1700000000", true)]
    [TestCase("1700000000.12345_0000000000000001", true)]
    [TestCase(null, true)]
    [TestCase("-5", false)]
    [TestCase("abc", false)]
    [TestCase("1e9", false)]
    [TestCase("99999999999999999", false)]
    public void SwiftTimestamp_TryParse_Variants(string? text, bool valid) =>
        Assert.That(SwiftTimestamp.TryParse(text, out _), Is.EqualTo(valid));

    [TestCase("\"D41D8CD98F00B204E9800998ECF8427E\"", "d41d8cd98f00b204e9800998ecf8427e")]
    [TestCase("d41d8cd98f00b204e9800998ecf8427e", "d41d8cd98f00b204e9800998ecf8427e")]
    [TestCase(null, null)]
    public void EtagHeader_TryParseMd5_Valid(string? header, string? expected)
    {
        Assert.That(EtagHeader.TryParseMd5(header, out var md5), Is.True);
        Assert.That(md5, Is.EqualTo(expected));
    }

    [TestCase("abc")]
    [TestCase("W/\"d41d8cd98f00b204e9800998ecf8427e\"")]
    [TestCase("zz1d8cd98f00b204e9800998ecf8427e")]
    public void EtagHeader_TryParseMd5_Malformed_Rejected(string header) =>
        Assert.That(EtagHeader.TryParseMd5(header, out _), Is.False);
}
