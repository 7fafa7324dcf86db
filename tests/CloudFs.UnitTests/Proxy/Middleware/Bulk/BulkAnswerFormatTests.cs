using CloudFs.Proxy.Middleware.Bulk;

namespace CloudFs.UnitTests.Proxy.Middleware.Bulk;

public class BulkAnswerFormatTests
{
    [TestCase(null, "text/plain")]
    [TestCase("", "text/plain")]
    [TestCase("application/json", "application/json")]
    [TestCase("application/xml", "application/xml")]
    [TestCase("text/xml", "text/xml")]
    [TestCase("*/*", "text/plain")]
    [TestCase("application/*", "application/json")]
    [TestCase("text/plain;q=0.5, application/json", "application/json")]
    [TestCase("*/*, application/xml", "application/xml")]
    [TestCase("text/html, application/json;q=0.1", "application/json")]
    public void Choose_PicksSwobsBestMatch(string? accept, string expected)
    {
        Assert.That(BulkAnswerFormat.Choose(accept), Is.EqualTo(expected));
    }

    [TestCase("text/html")]
    [TestCase("image/png, text/html")]
    [TestCase("not a media type")]
    [TestCase("application/json;q=1;q=0.5")]
    public void Choose_NothingAcceptableOrMalformed_IsNull(string accept)
    {
        Assert.That(BulkAnswerFormat.Choose(accept), Is.Null);
    }
}
