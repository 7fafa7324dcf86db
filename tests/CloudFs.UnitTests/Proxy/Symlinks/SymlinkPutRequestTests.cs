using CloudFs.Common.Results;
using CloudFs.Proxy.Paths;
using CloudFs.Proxy.Symlinks;

namespace CloudFs.UnitTests.Proxy.Symlinks;

public class SymlinkPutRequestTests
{
    private static readonly ResourcePath Link = new("AUTH_a", "c", "l", "");

    [TestCase("c/o", "c/o", "c", "o")]
    [TestCase("c/dir/o%20x", "c/dir/o%20x", "c", "dir/o x")]
    [TestCase("c x/é", "c%20x/%C3%A9", "c x", "é")]
    [TestCase("c//o", "c//o", "c", "/o")]
    public void Parse_ContainerSlashObject_StoresItQuotedAsSwift(string header, string stored, string container, string obj)
    {
        var parsed = SymlinkPutRequest.Parse(header, null, null, Link).Value!;

        Assert.That(parsed.Link, Is.EqualTo(new SymlinkTarget(stored, null, null, null)));
        Assert.That(parsed.Target, Is.EqualTo(new ResourcePath("AUTH_a", container, obj, "")));
    }

    [TestCase("noslash")]
    [TestCase("c/")]
    [TestCase("")]
    public void Parse_NotContainerSlashObject_Is412AsSwobPage(string header)
    {
        var error = SymlinkPutRequest.Parse(header, null, null, Link).Error!;

        Assert.That(error.Kind, Is.EqualTo(CloudFsErrorKind.PreconditionFailed));
        Assert.That(error.Message, Is.EqualTo("X-Symlink-Target header must be of the form <container name>/<object name>"));
        Assert.That(error.ContentType, Is.Null);
    }

    [Test]
    public void Parse_LeadingSlash_Is412AsPlainText()
    {
        var error = SymlinkPutRequest.Parse("/c/o", null, null, Link).Error!;

        Assert.That((error.Kind, error.ContentType), Is.EqualTo((CloudFsErrorKind.PreconditionFailed, "text/plain")));
    }

    [TestCase("", "Account name cannot be empty")]
    [TestCase("a/b", "Account name cannot contain slashes")]
    public void Parse_BadAccount_Is412(string account, string message)
    {
        var error = SymlinkPutRequest.Parse("c/o", account, null, Link).Error!;

        Assert.That((error.Kind, error.Message), Is.EqualTo((CloudFsErrorKind.PreconditionFailed, message)));
    }

    [Test]
    public void Parse_OtherAccount_KeepsItQuotedAndTargetsIt()
    {
        var parsed = SymlinkPutRequest.Parse("c/o", "AUTH_b%20x", null, Link).Value!;

        Assert.That(parsed.Link.Account, Is.EqualTo("AUTH_b%20x"));
        Assert.That(parsed.Target.Account, Is.EqualTo("AUTH_b x"));
    }

    [TestCase(null)]
    [TestCase("AUTH_a")]
    public void Parse_Itself_Is400(string? account)
    {
        var error = SymlinkPutRequest.Parse("c/l", account, null, Link).Error!;

        Assert.That((error.Kind, error.Message), Is.EqualTo((CloudFsErrorKind.BadRequest, "Symlink cannot target itself")));
    }

    [Test]
    public void Parse_SameNameInOtherAccount_IsAllowed() =>
        Assert.That(SymlinkPutRequest.Parse("c/l", "AUTH_b", null, Link).IsSuccess, Is.True);

    [TestCase("a\"b")]
    [TestCase("a;b")]
    [TestCase("a\\b")]
    public void Parse_EtagWithQuoteSemicolonOrBackslash_Is400(string etag)
    {
        var error = SymlinkPutRequest.Parse("c/o", null, etag, Link).Error!;

        Assert.That((error.Kind, error.Message), Is.EqualTo((CloudFsErrorKind.BadRequest, "Bad X-Symlink-Target-Etag format")));
    }

    [TestCase("\"abc\"", "abc")]
    [TestCase("abc", "abc")]
    [TestCase("", null)]
    public void Parse_Etag_LosesOnePairOfQuotes(string etag, string? stored) =>
        Assert.That(SymlinkPutRequest.Parse("c/o", null, etag, Link).Value!.Link.Etag, Is.EqualTo(stored));
}
