using CloudFs.Proxy.Auth;
using CloudFs.Proxy.Paths;

namespace CloudFs.UnitTests.Proxy;

/// <summary>tempauth's account ACLs: Swift 2.30's 400 bodies (recorded) and its access rules.</summary>
public class AccountAclTests
{
    private static readonly Identity Owner2 = new(5, "test2:tester2", "AUTH_test2", "owner", 0);
    private static readonly Identity Member = new(3, "test:tester3", "AUTH_test", "member", 0);
    private static readonly Identity Stranger = new(6, "test3:bob", "AUTH_test3", "member", 0);

    [TestCase("{not json", "X-Account-Access-Control invalid: Syntax error in input ('{not json')\n\nInput: {not json\n")]
    [TestCase("[\"a\"]", "X-Account-Access-Control invalid: Syntax error in input ('[\"a\"]')\n\nInput: [\"a\"]\n")]
    [TestCase("{'a'", "X-Account-Access-Control invalid: Syntax error in input (\"{'a'\")\n\nInput: {'a'\n")]
    [TestCase("{\"foo\":[\"a\"]}", "X-Account-Access-Control invalid: Key \"foo\" not recognized\n\nInput: {\"foo\":[\"a\"]}\n")]
    [TestCase("{\"admin\":\"a\"}", "X-Account-Access-Control invalid: Value for key \"admin\" must be a list\n\nInput: {\"admin\":\"a\"}\n")]
    [TestCase("{\"admin\":[1]}", "X-Account-Access-Control invalid: Elements of \"admin\" list must be strings\n\nInput: {\"admin\":[1]}\n")]
    [TestCase("{\"read-only\":[],\"caf\u00e9\":[]}", "X-Account-Access-Control invalid: Key \"caf\\u00e9\" not recognized\n\nInput: {\"read-only\":[],\"caf\u00e9\":[]}\n")]
    public void TryValidate_BadInput_GivesTempauthsMessage(string input, string expected)
    {
        Assert.That(AccountAcl.TryValidate(input, out _, out var error), Is.False);
        Assert.That(error, Is.EqualTo(expected));
    }

    [TestCase("{\"read-only\": [\"test2:tester2\"], \"admin\": [\"test:tester3\"]}", "{\"admin\":[\"test:tester3\"],\"read-only\":[\"test2:tester2\"]}")]
    [TestCase("{\"read-write\":[\"caf\u00e9\"]}", "{\"read-write\":[\"caf\\u00e9\"]}")]
    [TestCase("{\"admin\":[]}", "{\"admin\":[]}")]
    [TestCase("{}", "")]
    [TestCase("", "")]
    public void TryValidate_GoodInput_NormalisesAsSwiftShowsIt(string input, string expected)
    {
        Assert.That(AccountAcl.TryValidate(input, out var normalized, out _), Is.True);
        Assert.That(normalized, Is.EqualTo(expected));
    }

    [Test]
    public void FromStored_EmptyListsOrNothing_IsNoAcl()
    {
        Assert.That(AccountAcl.FromStored(null), Is.Null);
        Assert.That(AccountAcl.FromStored("{\"admin\":[]}"), Is.Null);
        Assert.That(AccountAcl.FromStored("{\"read-only\":[\"test2\"]}")!.ReadOnly, Is.EqualTo(new[] { "test2" }));
    }

    [TestCase("test2", true)]
    [TestCase("test2:tester2", true)]
    [TestCase("AUTH_test2", true)]
    [TestCase("test2:other", false)]
    [TestCase("test", false)]
    public void Names_MatchesTempauthGroupsOfAnOwner(string entry, bool named) =>
        Assert.That(AccountAcl.Names([entry], Owner2), Is.EqualTo(named));

    [Test]
    public void Names_MemberIsNotNamedByItsAccountId() =>
        Assert.That(AccountAcl.Names(["AUTH_test"], Member), Is.False);

    [TestCase("GET", ResourceLevel.Account, AccessVerdict.AllowedByAccountAcl)]
    [TestCase("HEAD", ResourceLevel.Object, AccessVerdict.AllowedByAccountAcl)]
    [TestCase("PUT", ResourceLevel.Object, AccessVerdict.Forbidden)]
    [TestCase("POST", ResourceLevel.Account, AccessVerdict.Forbidden)]
    public void ReadOnly_AllowsGetAndHeadOnly(string method, ResourceLevel level, AccessVerdict expected)
    {
        var acl = AccountAcl.FromStored("{\"read-only\":[\"test2:tester2\"]}");

        Assert.That(AccessPolicy.DecideWithAccountAcl(Owner2, Path(level), method, acl, AccessVerdict.Forbidden), Is.EqualTo(expected));
    }

    [TestCase("PUT", ResourceLevel.Container, AccessVerdict.AllowedByAccountAcl)]
    [TestCase("DELETE", ResourceLevel.Object, AccessVerdict.AllowedByAccountAcl)]
    [TestCase("POST", ResourceLevel.Container, AccessVerdict.AllowedByAccountAcl)]
    [TestCase("HEAD", ResourceLevel.Account, AccessVerdict.AllowedByAccountAcl)]
    [TestCase("POST", ResourceLevel.Account, AccessVerdict.Forbidden)]
    public void ReadWrite_AllowsEverythingBelowTheAccount(string method, ResourceLevel level, AccessVerdict expected)
    {
        var acl = AccountAcl.FromStored("{\"read-write\":[\"test2\"]}");

        Assert.That(AccessPolicy.DecideWithAccountAcl(Owner2, Path(level), method, acl, AccessVerdict.Forbidden), Is.EqualTo(expected));
    }

    [Test]
    public void Admin_MayPostTheAccount()
    {
        var acl = AccountAcl.FromStored("{\"admin\":[\"test:tester3\"],\"read-only\":[\"test2\"]}");

        Assert.That(AccessPolicy.DecideWithAccountAcl(Member, Path(ResourceLevel.Account), "POST", acl, AccessVerdict.Forbidden),
            Is.EqualTo(AccessVerdict.AllowedAsAccountAdmin));
        Assert.That(AccessPolicy.DecideWithAccountAcl(Stranger, Path(ResourceLevel.Account), "GET", acl, AccessVerdict.Forbidden),
            Is.EqualTo(AccessVerdict.Forbidden));
        Assert.That(AccessPolicy.DecideWithAccountAcl(Stranger, Path(ResourceLevel.Account), "GET", null, AccessVerdict.Forbidden),
            Is.EqualTo(AccessVerdict.Forbidden));
    }

    private static ResourcePath Path(ResourceLevel level) => level switch
    {
        ResourceLevel.Account => new("AUTH_test", null, null, ""),
        ResourceLevel.Container => new("AUTH_test", "c", null, ""),
        _ => new("AUTH_test", "c", "o", ""),
    };
}
