using CloudFs.Common.Paths;
using CloudFs.Common.Results;

namespace CloudFs.UnitTests.Common;

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
    [TestCase("/sda/1/AUTH_a/c/100%", "AUTH_a", "c", "100%")]
    [TestCase("/sda/1/AUTH_a/c/%zz?x=1", "AUTH_a", "c", "%zz")]
    public void Parse_FunctionalUrl_DecodesSegmentsOnce(string raw, string account, string? container, string? obj)
    {
        var path = BackendPath.Parse(raw);

        Assert.That(path.Error, Is.Null);
        Assert.That(path.Value, Is.EqualTo(new BackendPath("sda", 1, account, container, obj)));
    }

    [TestCase("/sda/1")]
    [TestCase("/sda//AUTH_a")]
    [TestCase("/sda/-1/AUTH_a")]
    [TestCase("/sda/x/AUTH_a")]
    [TestCase("/sda/1/AUTH_a//o")]
    [TestCase("/sda/1/AUTH%2Fa/c")]
    [TestCase("sda/1/AUTH_a")]
    public void Parse_BadShape_BadRequest(string raw) =>
        Assert.That(BackendPath.Parse(raw).Error!.Kind, Is.EqualTo(CloudFsErrorKind.BadRequest));

    [TestCase("/sda/1/AUTH_a/c/%FF")]
    [TestCase("/sda/1/AUTH_a/c/a%00b")]
    [TestCase("/sda/1/AUTH_a/%C3%28")]
    public void Parse_BadUtf8OrNull_PreconditionFailed(string raw)
    {
        var error = BackendPath.Parse(raw).Error!;

        Assert.That(error.Kind, Is.EqualTo(CloudFsErrorKind.PreconditionFailed));
        Assert.That(error.Message, Is.EqualTo("Invalid UTF8 or contains NULL"));
    }

    [Test]
    public void Parse_Prefix_IsSkipped() =>
        Assert.That(BackendPath.Parse("/admit/sda/7/AUTH_a/c/o", "/admit").Value, Is.EqualTo(new BackendPath("sda", 7, "AUTH_a", "c", "o")));

    [Test]
    public void Parse_OtherPrefix_BadRequest() =>
        Assert.That(BackendPath.Parse("/copy/sda/7/AUTH_a/c/o", "/move").Error!.Kind, Is.EqualTo(CloudFsErrorKind.BadRequest));

    [TestCase("AUTH_ä", "c 1", "dir/ö?#%")]
    [TestCase("AUTH_a", "c", "/lead//double/")]
    [TestCase("AUTH_a", "c", null)]
    public void Format_ThenParse_RoundTrips(string account, string? container, string? obj)
    {
        var path = new BackendPath("sd a", 42, account, container, obj);

        Assert.That(BackendPath.Parse(path.Format("/x"), "/x").Value, Is.EqualTo(path));
    }
}
