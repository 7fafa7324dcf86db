using CloudFs.Common.Results;
using CloudFs.ContainerServer.Core;

namespace CloudFs.UnitTests.ContainerServer;

public sealed class ListingContentTypeTests
{
    [TestCase(null, null, "text/plain")]
    [TestCase("json", null, "application/json")]
    [TestCase("JSON", null, "application/json")]
    [TestCase("xml", "application/json", "application/xml")]
    [TestCase("bogus", "application/json", "text/plain")]
    [TestCase(null, "application/json", "application/json")]
    [TestCase(null, "text/xml", "text/xml")]
    [TestCase(null, "*/*", "text/plain")]
    [TestCase(null, "application/*", "application/json")]
    [TestCase(null, "application/xml;q=0.8, application/json;q=0.9", "application/json")]
    [TestCase(null, "application/*;q=0.5, application/xml", "application/xml")]
    [TestCase(null, "text/*;q=1, application/json;q=1", "application/json")]
    public void Choose_FormatAndAccept_PicksAsSwift(string? format, string? accept, string expected)
    {
        var (mediaType, error) = ListingContentType.Choose(format, accept);

        Assert.That(error, Is.Null);
        Assert.That(mediaType, Is.EqualTo(expected));
    }

    [TestCase("image/png")]
    [TestCase("Application/JSON")]
    public void Choose_NothingAcceptable_NotAcceptable(string accept)
    {
        var (mediaType, error) = ListingContentType.Choose(null, accept);

        Assert.That(mediaType, Is.Null);
        Assert.That(error?.Kind, Is.EqualTo(CloudFsErrorKind.NotAcceptable));
    }

    [TestCase("json")]
    [TestCase("application/json;q=x")]
    [TestCase("application/json;q=1;q=0.5")]
    [TestCase("application/json;a=b=c")]
    public void Choose_MalformedAccept_BadRequest(string accept)
    {
        var (mediaType, error) = ListingContentType.Choose(null, accept);

        Assert.That(mediaType, Is.Null);
        Assert.That(error!.Message, Is.EqualTo("Invalid Accept header"));
    }

    [TestCase("application/json", ListingFormat.Json)]
    [TestCase("text/xml", ListingFormat.Xml)]
    [TestCase("application/xml", ListingFormat.Xml)]
    [TestCase("text/plain", ListingFormat.Plain)]
    public void FormatOf_MediaType_MapsToBodyFormat(string mediaType, ListingFormat expected) =>
        Assert.That(ListingContentType.FormatOf(mediaType), Is.EqualTo(expected));
}
