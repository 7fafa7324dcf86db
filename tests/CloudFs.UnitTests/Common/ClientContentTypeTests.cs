using CloudFs.Common.Contracts;
using CloudFs.Common.Results;

namespace CloudFs.UnitTests.Common;

public class ClientContentTypeTests
{
    [TestCase("text/plain; charset=UTF-8; swift_bytes=5")]
    [TestCase("text/plain;swift_bytes=5")]
    [TestCase("application/octet-stream;  swift_anything")]
    public void Check_SwiftParameter_IsSwifts400(string contentType)
    {
        var error = ClientContentType.Check(contentType);
        Assert.That(error, Is.Not.Null);
        Assert.That(error!.Kind, Is.EqualTo(CloudFsErrorKind.BadRequest));
        Assert.That(error.Message, Is.EqualTo("Invalid Content-Type, swift_* is not a valid parameter name."));
    }

    [TestCase(null)]
    [TestCase("")]
    [TestCase("text/plain")]
    [TestCase("text/plain; charset=UTF-8")]
    [TestCase("swift_bytes/plain")] // the type itself is not a parameter
    [TestCase("text/plain; Swift_bytes=5")] // Swift compares case-sensitively
    [TestCase("text/plain; x=swift_bytes")]
    public void Check_NoSwiftParameter_IsAccepted(string? contentType) =>
        Assert.That(ClientContentType.Check(contentType), Is.Null);
}
