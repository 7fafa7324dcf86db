using CloudFs.Common.Paths;
using CloudFs.Common.Results;
using CloudFs.Proxy.Paths;

namespace CloudFs.UnitTests.Proxy;

public class ResourcePathParserTests
{
    [Test]
    public void Parse_AccountOnly_GivesAccountLevel()
    {
        var path = ResourcePathParser.Parse("/v1/AUTH_test").Value!;

        Assert.That(path, Is.EqualTo(new ResourcePath("AUTH_test", null, null, "")));
        Assert.That(path.Level, Is.EqualTo(ResourceLevel.Account));
    }

    [Test]
    public void Parse_ObjectWithSlashesAndQuery_KeepsRestAsObjectName()
    {
        var path = ResourcePathParser.Parse("/v1/AUTH_test/photos/2024//cat.jpg?format=json&prefix=a%2Fb").Value!;

        Assert.That(path.Container, Is.EqualTo("photos"));
        Assert.That(path.Object, Is.EqualTo("2024//cat.jpg"));
        Assert.That(path.Query, Is.EqualTo("?format=json&prefix=a%2Fb"));
        Assert.That(path.Level, Is.EqualTo(ResourceLevel.Object));
    }

    [Test]
    public void Parse_PercentEncodedUtf8_DecodesExactlyOnce()
    {
        var path = ResourcePathParser.Parse("/v1/AUTH_test/c/%C3%A9t%C3%A9%2525%2Fx").Value!;

        Assert.That(path.Object, Is.EqualTo("été%25/x"));
    }

    [Test]
    public void Parse_DotSegments_AreKeptVerbatim()
    {
        var path = ResourcePathParser.Parse("/v1/AUTH_test/c/a/../b/./c").Value!;

        Assert.That(path.Object, Is.EqualTo("a/../b/./c"));
    }

    [Test]
    public void Parse_MalformedEscape_StaysLiteral()
    {
        Assert.That(ResourcePathParser.Parse("/v1/AUTH_test/c/100%zz%4").Value!.Object, Is.EqualTo("100%zz%4"));
    }

    [TestCase("/v1/AUTH_test/c/%FF%FE")]
    [TestCase("/v1/AUTH_test/c/a%00b")]
    [TestCase("/v1/AUTH_test/c%C3/o")]
    [TestCase("/v1/AUTH_test/c/%ED%A0%80")]
    public void Parse_BadUtf8OrNul_Is412(string raw)
    {
        var error = ResourcePathParser.Parse(raw).Error!;

        Assert.That(error.Kind, Is.EqualTo(CloudFsErrorKind.PreconditionFailed));
        Assert.That(error.Message, Is.EqualTo("Invalid UTF8 or contains NULL"));
    }

    [TestCase("/v1")]
    [TestCase("/v1/")]
    [TestCase("/v1/AUTH_test//o")]
    public void Parse_NoAccountOrEmptyContainer_Is412BadUrl(string raw)
    {
        var error = ResourcePathParser.Parse(raw).Error!;

        Assert.That(error.Kind, Is.EqualTo(CloudFsErrorKind.PreconditionFailed));
        Assert.That(error.Message, Is.EqualTo("Bad URL"));
    }

    [Test]
    public void Parse_TrailingSlashes_AreAccountAndContainerLevel()
    {
        Assert.That(ResourcePathParser.Parse("/v1/AUTH_test/").Value!.Level, Is.EqualTo(ResourceLevel.Account));
        Assert.That(ResourcePathParser.Parse("/v1/AUTH_test/c/").Value!.Level, Is.EqualTo(ResourceLevel.Container));
    }

    [Test]
    public void Parse_UnknownVersion_Is400()
    {
        Assert.That(ResourcePathParser.Parse("/v2/AUTH_test/c").Error!.Kind, Is.EqualTo(CloudFsErrorKind.BadRequest));
        Assert.That(ResourcePathParser.Parse("/v1.0/AUTH_test/c").IsSuccess, Is.True);
    }

    [TestCase("/")]
    [TestCase("//v1/AUTH_test")]
    public void Parse_NoVersionSegment_Is404(string raw)
    {
        Assert.That(ResourcePathParser.Parse(raw).Error!.Kind, Is.EqualTo(CloudFsErrorKind.NotFound));
    }

    [Test]
    public void Parse_ObjectNameOf1024Bytes_IsAccepted_1025IsRejectedWithSwiftMessage()
    {
        var ok = "/v1/a/c/" + new string('x', 1022) + "%C3%A9";
        var tooLong = "/v1/a/c/" + new string('x', 1023) + "%C3%A9";

        Assert.That(ResourcePathParser.Parse(ok).IsSuccess, Is.True);
        var error = ResourcePathParser.Parse(tooLong).Error!;
        Assert.That(error.Kind, Is.EqualTo(CloudFsErrorKind.BadRequest));
        Assert.That(error.Message, Is.EqualTo("Object name length of 1025 longer than 1024"));
    }

    [Test]
    public void Parse_ContainerAndAccountOver256Bytes_AreRejected()
    {
        var name = new string('c', 257);

        Assert.That(ResourcePathParser.Parse($"/v1/a/{name}").Error!.Message, Is.EqualTo("Container name length of 257 longer than 256"));
        Assert.That(ResourcePathParser.Parse($"/v1/{name}").Error!.Message, Is.EqualTo("Account name length of 257 longer than 256"));
        Assert.That(ResourcePathParser.Parse($"/v1/a/{new string('c', 256)}").IsSuccess, Is.True);
    }

    [Test]
    public void TryDecode_NonAsciiTextFromServer_IsUtf8Encoded()
    {
        Assert.That(PercentDecoding.TryDecodeName("/v1/a/c/日本", out var value), Is.True);
        Assert.That(value, Is.EqualTo("/v1/a/c/日本"));
    }
}
