using CloudFs.AccountServer.Core;

namespace CloudFs.UnitTests.AccountServer;

public class ContainerSyncToTests
{
    private static readonly IReadOnlyList<string> Allowed = ContainerSyncTo.ParseHosts(null);

    [TestCase("")]
    [TestCase("///")]
    [TestCase("http://127.0.0.1/v1/a/c")]
    [TestCase("https://127.0.0.1:8080/v1/a/c/")]
    public void Check_AllowedOrEmpty_IsAccepted(string value)
    {
        Assert.That(ContainerSyncTo.Check(value, Allowed), Is.Null);
    }

    // Messages as Swift 2.30's validate_sync_to words them.
    [TestCase("http://example.com/v1/a/c", "Invalid host 'example.com' in X-Container-Sync-To")]
    [TestCase("ftp://127.0.0.1/v1/a/c", "Invalid scheme 'ftp' in X-Container-Sync-To, must be \"//\", \"http\", or \"https\".")]
    [TestCase("127.0.0.1/v1", "Invalid scheme '' in X-Container-Sync-To, must be \"//\", \"http\", or \"https\".")]
    [TestCase("http://127.0.0.1", "Path required in X-Container-Sync-To")]
    [TestCase("http://127.0.0.1/v1/a/c?x=1", "Params, queries, and fragments not allowed in X-Container-Sync-To")]
    [TestCase("http://127.0.0.1/v1/a/c;p", "Params, queries, and fragments not allowed in X-Container-Sync-To")]
    [TestCase("http:///v1/a/c", "Invalid host None in X-Container-Sync-To")]
    [TestCase("//realm/cluster/a/c", "No realm key for 'realm'")]
    [TestCase("//realm/a/c", "Invalid X-Container-Sync-To format '//realm/a/c'")]
    public void Check_Invalid_IsSwiftsBadRequest(string value, string message)
    {
        var error = ContainerSyncTo.Check(value, Allowed);

        Assert.That(error, Is.Not.Null);
        Assert.That(error!.Kind, Is.EqualTo(CloudFs.Common.Results.CloudFsErrorKind.BadRequest));
        Assert.That(error.Message, Is.EqualTo(message));
    }

    [Test]
    public void ParseHosts_CommaList_IsTrimmed()
    {
        Assert.That(ContainerSyncTo.ParseHosts(" a , ,b"), Is.EqualTo(new[] { "a", "b" }));
        Assert.That(ContainerSyncTo.Check("http://b/v1/a/c", ContainerSyncTo.ParseHosts("a,b")), Is.Null);
    }
}
