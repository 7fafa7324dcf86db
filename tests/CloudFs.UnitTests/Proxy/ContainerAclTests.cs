using CloudFs.Proxy.Auth;
using CloudFs.Proxy.Paths;

namespace CloudFs.UnitTests.Proxy;

public class ContainerAclTests
{
    private static readonly Identity Tester = new(2, "test:tester", "AUTH_test", "owner", 0);
    private static readonly Identity Member = new(3, "test:tester3", "AUTH_test", "member", 0);
    private static readonly Identity Other = new(4, "test2:tester2", "AUTH_test2", "owner", 0);
    private static readonly Identity Admin = new(1, "admin:admin", "AUTH_admin", "admin", 0);

    [Test]
    public void AllowsObjectRead_PublicReferrer_AllowsAnonymous()
    {
        var acl = ContainerAcl.Parse(".r:*", null);

        Assert.That(acl.AllowsObjectRead(null, null), Is.True);
        Assert.That(acl.AllowsListing(null, null), Is.False, ".rlistings is needed to list");
    }

    [Test]
    public void AllowsListing_PublicWithListings_AllowsAnonymous()
    {
        Assert.That(ContainerAcl.Parse(" .r:* , .rlistings ", null).AllowsListing(null, null), Is.True);
    }

    [TestCase("test2:tester2", true)]
    [TestCase("test2", true)]
    [TestCase("AUTH_test2", true)]
    [TestCase("test2:*", false)]
    [TestCase("*:tester2", false)]
    [TestCase("test2%3Atester2", true)]
    [TestCase("test2:other", false)]
    [TestCase("test", false)]
    [TestCase(".rlistings", false)]
    public void AllowsWrite_GroupEntry_MatchesUser(string entry, bool expected)
    {
        Assert.That(ContainerAcl.Parse(null, entry).AllowsWrite(Other), Is.EqualTo(expected));
    }

    [Test]
    public void AllowsWrite_Anonymous_IsNeverAllowed()
    {
        Assert.That(ContainerAcl.Parse(".r:*", ".r:*,test").AllowsWrite(null), Is.False);
    }

    [Test]
    public void Decide_OwnerInOwnAccount_IsAllowedEverywhere()
    {
        Assert.That(AccessPolicy.Decide(Tester, new ResourcePath("AUTH_test", null, null, "")), Is.EqualTo(AccessVerdict.Allowed));
        Assert.That(AccessPolicy.Decide(Tester, new ResourcePath("AUTH_test", "c", "o", "")), Is.EqualTo(AccessVerdict.Allowed));
    }

    [TestCase("PUT")]
    [TestCase("DELETE")]
    public void Decide_OwnerPutOrDeleteOfTheAccountItself_IsForbidden(string method)
    {
        Assert.That(AccessPolicy.Decide(Tester, new ResourcePath("AUTH_test", null, null, ""), method), Is.EqualTo(AccessVerdict.Forbidden));
        Assert.That(AccessPolicy.Decide(Tester, new ResourcePath("AUTH_test", "c", null, ""), method), Is.EqualTo(AccessVerdict.Allowed));
        Assert.That(AccessPolicy.Decide(Admin, new ResourcePath("AUTH_test", null, null, ""), method), Is.EqualTo(AccessVerdict.Allowed));
    }

    [Test]
    public void Decide_OwnerPostOfTheAccount_IsAllowed() =>
        Assert.That(AccessPolicy.Decide(Tester, new ResourcePath("AUTH_test", null, null, ""), "POST"), Is.EqualTo(AccessVerdict.Allowed));

    [Test]
    public void Decide_Admin_IsAllowedInAnyAccount()
    {
        Assert.That(AccessPolicy.Decide(Admin, new ResourcePath("AUTH_test", null, null, "")), Is.EqualTo(AccessVerdict.Allowed));
    }

    [Test]
    public void Decide_OtherAccountOrMemberOrAnonymous_AtAccountLevel_IsDenied()
    {
        var account = new ResourcePath("AUTH_test", null, null, "");

        Assert.That(AccessPolicy.Decide(Other, account), Is.EqualTo(AccessVerdict.Forbidden));
        Assert.That(AccessPolicy.Decide(Member, account), Is.EqualTo(AccessVerdict.Forbidden));
        Assert.That(AccessPolicy.Decide(null, account), Is.EqualTo(AccessVerdict.Unauthorized));
    }

    [Test]
    public void Decide_NonOwnerOnContainer_NeedsAcl()
    {
        Assert.That(AccessPolicy.Decide(Other, new ResourcePath("AUTH_test", "c", null, "")), Is.EqualTo(AccessVerdict.NeedsAcl));
    }

    [Test]
    public void DecideWithAcl_ReadAclUser_MayReadButNotWrite()
    {
        var path = new ResourcePath("AUTH_test", "c", "o", "");
        var acl = ContainerAcl.Parse("test2:tester2", null);

        Assert.That(AccessPolicy.DecideWithAcl(Other, path, "GET", acl, null), Is.EqualTo(AccessVerdict.Allowed));
        Assert.That(AccessPolicy.DecideWithAcl(Other, path, "PUT", acl, null), Is.EqualTo(AccessVerdict.Forbidden));
        Assert.That(AccessPolicy.DecideWithAcl(null, path, "GET", acl, null), Is.EqualTo(AccessVerdict.Unauthorized));
    }

    [Test]
    public void DecideWithAcl_WriteAcl_AllowsObjectWritesButNotContainerWrites()
    {
        var acl = ContainerAcl.Parse(null, "test:tester3");

        Assert.That(AccessPolicy.DecideWithAcl(Member, new ResourcePath("AUTH_test", "c", "o", ""), "DELETE", acl, null), Is.EqualTo(AccessVerdict.Allowed));
        Assert.That(AccessPolicy.DecideWithAcl(Member, new ResourcePath("AUTH_test", "c", null, ""), "DELETE", acl, null), Is.EqualTo(AccessVerdict.Forbidden));
    }

    [Test]
    public void Groups_MemberWithoutAdmin_LacksTheStorageAccount()
    {
        Assert.That(ContainerAcl.Groups(Member), Is.EqualTo(new[] { "test", "test:tester3" }));
        Assert.That(ContainerAcl.Groups(Tester), Is.EqualTo(new[] { "test", "test:tester", "AUTH_test" }));
        Assert.That(ContainerAcl.Parse("AUTH_test", null).AllowsObjectRead(Member, null), Is.False);
    }

    [TestCase(".r:.example.com", "http://www.example.com/page", true)]
    [TestCase(".r:.example.com", "http://example.com/", false)]
    [TestCase(".r:www.example.com", "https://user@WWW.Example.com:8080/x", true)]
    [TestCase(".r:*,.r:-evil.com", "http://evil.com/", false)]
    [TestCase(".r:*,.r:-evil.com", null, true)]
    [TestCase(".r:*,.r:-.evil.com", "http://a.evil.com/", false)]
    [TestCase(".r:-evil.com,.r:*", "http://evil.com/", true)]
    [TestCase(".r:unknown", "not a url", true)]
    [TestCase("test", "http://example.com/", false)]
    public void AllowsObjectRead_Referrers_AreAppliedInOrder(string read, string? referer, bool expected)
    {
        Assert.That(ContainerAcl.Parse(read, null).AllowsObjectRead(null, referer), Is.EqualTo(expected));
    }

    [Test]
    public void AllowsListing_AllowedReferrer_NeedsRlistings()
    {
        Assert.That(ContainerAcl.Parse(".r:.example.com", null).AllowsListing(null, "http://www.example.com/"), Is.False);
        Assert.That(ContainerAcl.Parse(".r:.example.com,.rlistings", null).AllowsListing(null, "http://www.example.com/"), Is.True);
        Assert.That(ContainerAcl.Parse(".r:.example.com,.rlistings", null).AllowsListing(null, "http://other.org/"), Is.False);
    }

    [Test]
    public void AllowsWrite_StoredReferrer_GrantsNothing()
    {
        Assert.That(ContainerAcl.Parse(null, ".r:*").AllowsWrite(Other), Is.False);
    }
}
