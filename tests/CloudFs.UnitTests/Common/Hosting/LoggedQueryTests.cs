using CloudFs.Common.Hosting;

namespace CloudFs.UnitTests.Common.Hosting;

public class LoggedQueryTests
{
    [TestCase("?temp_url_sig=abc123&temp_url_expires=99", "?temp_url_sig=***&temp_url_expires=99")]
    [TestCase("?temp_url_expires=99&TEMP_URL_SIG=abc", "?temp_url_expires=99&TEMP_URL_SIG=***")]
    [TestCase("?format=json&prefix=sig", "?format=json&prefix=sig")]
    [TestCase("?multipart-manifest=get&signature=x", "?multipart-manifest=get&signature=***")]
    [TestCase("", "")]
    public void Mask_HidesSignatureValuesOnly(string query, string logged) =>
        Assert.That(LoggedQuery.Mask(query), Is.EqualTo(logged));
}
