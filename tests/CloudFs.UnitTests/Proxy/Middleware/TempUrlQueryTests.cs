using CloudFs.Proxy.Middleware.TempUrl;

namespace CloudFs.UnitTests.Proxy.Middleware;

public class TempUrlQueryTests
{
    private const long Now = 1_796_000_000;

    [Test]
    public void Parse_AllParameters()
    {
        var q = TempUrlQuery.Parse("?temp_url_sig=abc&temp_url_expires=1796131740&temp_url_prefix=dir/&filename=my%20file.txt&inline&temp_url_ip_range=10.0.0.0/8", Now);

        Assert.That(q, Is.EqualTo(new TempUrlQuery("abc", 1796131740, "dir/", "my file.txt", true, "10.0.0.0/8")));
    }

    [Test]
    public void Parse_NoTempUrlParameters_LeavesBothNull()
    {
        var q = TempUrlQuery.Parse("?format=json", Now);

        Assert.That((q.Signature, q.Expires, q.Inline), Is.EqualTo(((string?)null, (long?)null, false)));
    }

    [TestCase("2026-12-01T13:29:00Z", 1796131740)]
    [TestCase("1796131740", 1796131740)]
    [TestCase("soon", 0)]
    [TestCase("2026-12-01 13:29:00", 0)]
    public void ParseExpires_IntegerOrIso8601(string text, long expected)
    {
        Assert.That(TempUrlQuery.ParseExpires(text), Is.EqualTo(expected));
    }

    [Test]
    public void Parse_PastExpiry_IsZero()
    {
        Assert.That(TempUrlQuery.Parse("?temp_url_sig=a&temp_url_expires=100", Now).Expires, Is.EqualTo(0));
    }

    [Test]
    public void Parse_BlankSignature_IsKeptBlank()
    {
        Assert.That(TempUrlQuery.Parse("?temp_url_sig=&temp_url_expires=1796131740", Now).Signature, Is.EqualTo(""));
    }
}
