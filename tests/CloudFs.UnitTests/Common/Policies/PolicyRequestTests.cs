using CloudFs.Common.Policies;

namespace CloudFs.UnitTests.Common.Policies;

// Bodies as Swift 2.30.1's proxy answered them with the same three policies.
public sealed class PolicyRequestTests
{
    private static readonly StoragePolicyTable Table = StoragePolicyTable.Create(
    [
        new StoragePolicyConfig { Index = 0, Name = "Policy-0", Default = true },
        new StoragePolicyConfig { Index = 1, Name = "silver", Aliases = ["gold"] },
        new StoragePolicyConfig { Index = 2, Name = "bronze", Deprecated = true },
    ]);

    [TestCase(null)]
    [TestCase("")]
    public void Parse_AbsentOrEmpty_None(string? header)
    {
        var request = PolicyRequest.Parse(header, Table);
        Assert.That(request.Kind, Is.EqualTo(PolicyRequestKind.None));
        Assert.That(request.Policy, Is.Null);
    }

    [TestCase("gold")]
    [TestCase("Silver")]
    public void Parse_NameOrAlias_Found(string header)
    {
        var request = PolicyRequest.Parse(header, Table);
        Assert.That(request.Kind, Is.EqualTo(PolicyRequestKind.Found));
        Assert.That(request.Policy!.Index, Is.EqualTo(1));
    }

    [Test]
    public void Parse_Unknown_SwiftsMessage()
    {
        var request = PolicyRequest.Parse("nope", Table);
        Assert.That(request.Kind, Is.EqualTo(PolicyRequestKind.Unknown));
        Assert.That(request.Message, Is.EqualTo("Invalid X-Storage-Policy 'nope'"));
    }

    [TestCase("bronze")]
    [TestCase("BRONZE")]
    public void Parse_Deprecated_SwiftsMessageWithTheCanonicalName(string header)
    {
        var request = PolicyRequest.Parse(header, Table);
        Assert.That(request.Kind, Is.EqualTo(PolicyRequestKind.Deprecated));
        Assert.That(request.Message, Is.EqualTo("Storage Policy 'bronze' is deprecated"));
    }
}
