using CloudFs.Proxy.Auth;

namespace CloudFs.UnitTests.Proxy;

public class ContainerAclSyntaxTests
{
    // The cleaned forms are the examples of Swift's clean_acl docstring.
    [TestCase("bob, sue", "bob,sue")]
    [TestCase("bob , sue", "bob,sue")]
    [TestCase("bob,,,sue", "bob,sue")]
    [TestCase(".referrer : *", ".r:*")]
    [TestCase(".ref:*.example.com", ".r:.example.com")]
    [TestCase(".r:*, .rlistings", ".r:*,.rlistings")]
    [TestCase(" test:tester3 , .rlistings ", "test:tester3,.rlistings")]
    [TestCase(".r: - thief.com", ".r:-thief.com")]
    [TestCase("", "")]
    public void Clean_ReadAcl_GivesSwiftsForm(string value, string expected)
    {
        var cleaned = ContainerAclSyntax.Clean("X-Container-Read", value);

        Assert.That(cleaned.IsSuccess, Is.True);
        Assert.That(cleaned.Value, Is.EqualTo(expected));
    }

    [TestCase("X-Container-Read", ".r:", "No host/domain value after referrer designation in ACL: '.r:'")]
    [TestCase("X-Container-Read", ".r:-", "No host/domain value after referrer designation in ACL: '.r:-'")]
    [TestCase("X-Container-Read", ".r:*.", "No host/domain value after referrer designation in ACL: '.r:*.'")]
    [TestCase("X-Container-Write", ".r:*", "Referrers not allowed in write ACL: '.r:*'")]
    [TestCase("X-Container-Read", ".x:y", "Unknown designator '.x' in ACL: '.x:y'")]
    public void Clean_Invalid_IsSwiftsBadRequest(string header, string value, string message)
    {
        var cleaned = ContainerAclSyntax.Clean(header, value);

        Assert.That(cleaned.IsSuccess, Is.False);
        Assert.That(cleaned.Error!.Kind, Is.EqualTo(CloudFs.Common.Results.CloudFsErrorKind.BadRequest));
        Assert.That(cleaned.Error.Message, Is.EqualTo(message));
    }
}
