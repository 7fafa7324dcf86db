using CloudFs.Common.Contracts;
using CloudFs.Proxy.Paths;
using CloudFs.Proxy.Symlinks;

namespace CloudFs.UnitTests.Proxy.Symlinks;

public class SymlinkTargetTests
{
    [Test]
    public void From_OrdinaryObject_IsNull() =>
        Assert.That(SymlinkTarget.From(new Dictionary<string, string> { ["content-encoding"] = "gzip" }), Is.Null);

    [Test]
    public void CommitHeaders_ReadBackFromSys_GiveTheSameLink()
    {
        var link = new SymlinkTarget("c/o%20x", "AUTH_b", "abc", 5);
        var sys = link.CommitHeaders().ToDictionary(h => h.Key[BackendHeaders.ObjectSysmetaPrefix.Length..].ToLowerInvariant(), h => h.Value);

        Assert.That(SymlinkTarget.From(sys), Is.EqualTo(link));
    }

    [Test]
    public void Location_WithoutAccount_IsTheLinksAccountQuoted() =>
        Assert.That(new SymlinkTarget("c/o%20x", null, null, null).Location("AUTH_a b"), Is.EqualTo("/v1/AUTH_a%20b/c/o%20x"));

    [Test]
    public void Path_DecodesContainerAndObject() =>
        Assert.That(new SymlinkTarget("c/d/o%20x", "AUTH_b", null, null).Path("AUTH_a"), Is.EqualTo(new ResourcePath("AUTH_b", "c", "d/o x", "")));

    [Test]
    public void ResponseHeaders_StaticLink_ShowEverythingStored() =>
        Assert.That(new SymlinkTarget("c/o", "AUTH_b", "abc", 5).ResponseHeaders().Select(h => $"{h.Key}: {h.Value}"), Is.EqualTo(new[]
        {
            "X-Symlink-Target: c/o", "X-Symlink-Target-Account: AUTH_b", "X-Symlink-Target-Etag: abc", "X-Symlink-Target-Bytes: 5",
        }));
}
