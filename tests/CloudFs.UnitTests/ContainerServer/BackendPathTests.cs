using CloudFs.Common.Results;
using CloudFs.ContainerServer.Core;

namespace CloudFs.UnitTests.ContainerServer;

public sealed class BackendPathTests
{
    [TestCase("/sda/1/AUTH_a", "AUTH_a", null, null)]
    [TestCase("/sda/1/AUTH_a/", "AUTH_a", null, null)]
    [TestCase("/sda/1/AUTH_a/c", "AUTH_a", "c", null)]
    [TestCase("/sda/1/AUTH_a/c/", "AUTH_a", "c", null)]
    [TestCase("/sda/1/AUTH_a/c/o", "AUTH_a", "c", "o")]
    [TestCase("/sda/1/AUTH_a/c//lead", "AUTH_a", "c", "/lead")]
    [TestCase("/sda/1/AUTH_a/c/a//b/", "AUTH_a", "c", "a//b/")]
    [TestCase("/sda/1/AUTH_a/c/a%2Fb%20%C3%A9", "AUTH_a", "c", "a/b é")]
    [TestCase("/sda/1/AUTH_a/c%2Fx/o", "AUTH_a", "c/x", "o")]
    [TestCase("/sda/1/AUTH_a/c/a+b", "AUTH_a", "c", "a+b")]
    public void Parse_FunctionalUrl_DecodesSegmentsOnce(string raw, string account, string? container, string? obj)
    {
        var (path, error) = BackendPath.Parse(raw);

        Assert.That(error, Is.Null);
        Assert.That(path, Is.EqualTo(new BackendPath("sda", "1", account, container, obj)));
    }

    [TestCase("/sda/1")]
    [TestCase("/sda//AUTH_a")]
    [TestCase("/sda/1/AUTH_a//o")]
    public void Parse_MissingSegments_BadRequest(string raw) =>
        Assert.That(BackendPath.Parse(raw).Error!.Kind, Is.EqualTo(CloudFsErrorKind.BadRequest));

    [TestCase("/sda/1/AUTH_a/c/%FF")]
    [TestCase("/sda/1/AUTH_a/c/a%00b")]
    public void Parse_BadUtf8OrNull_PreconditionFailed(string raw) =>
        Assert.That(BackendPath.Parse(raw).Error!.Kind, Is.EqualTo(CloudFsErrorKind.PreconditionFailed));
}
