using System.Text;
using CloudFs.Proxy.Middleware.Bulk;

namespace CloudFs.UnitTests.Proxy.Middleware.Bulk;

public class SwiftQuotingTests
{
    [TestCase("a%20b", "a b")]
    [TestCase("%zz%4", "%zz%4")]
    [TestCase("a+b", "a+b")]
    [TestCase("%e2%98%83", "\u2603")]
    public void Unquote_AsPythonUnquote(string text, string expected)
    {
        Assert.That(Encoding.UTF8.GetString(SwiftQuoting.Unquote(Encoding.UTF8.GetBytes(text))), Is.EqualTo(expected));
    }

    [TestCase("c/a b", "c/a%20b")]
    [TestCase("c/~x_y.z-1", "c/~x_y.z-1")]
    [TestCase("c/\u2603+&", "c/%E2%98%83%2B%26")]
    public void Quote_AsPythonQuoteWithSlashSafe(string text, string expected)
    {
        Assert.That(SwiftQuoting.Quote(text), Is.EqualTo(expected));
    }

    [Test]
    public void IsValidName_RefusesNulAndBadUtf8()
    {
        Assert.That(SwiftQuoting.IsValidName("c/\u2603"u8), Is.True);
        Assert.That(SwiftQuoting.IsValidName([(byte)'c', 0]), Is.False);
        Assert.That(SwiftQuoting.IsValidName([(byte)'c', 0xFF]), Is.False);
    }
}
