using CloudFs.Common.Policies;
using CloudFs.Proxy.Endpoints;

namespace CloudFs.UnitTests.Proxy;

public sealed class InfoPoliciesTests
{
    [Test]
    public void Policies_Legacy_AsSwiftWithoutPolicies() =>
        Assert.That(InfoDocument.Policies(StoragePolicyTable.Legacy).ToJsonString(),
            Is.EqualTo("""[{"name":"Policy-0","aliases":"Policy-0","default":true}]"""));

    // Swift 2.30.1's /info with Policy-0 (default), silver (alias gold), bronze (deprecated).
    [Test]
    public void Policies_DeprecatedHidden_AliasesJoined_DefaultOnlyOnTheDefault()
    {
        var table = StoragePolicyTable.Create(
        [
            new StoragePolicyConfig { Index = 0, Name = "Policy-0", Default = true },
            new StoragePolicyConfig { Index = 1, Name = "silver", Aliases = ["gold"] },
            new StoragePolicyConfig { Index = 2, Name = "bronze", Deprecated = true },
        ]);

        Assert.That(InfoDocument.Policies(table).ToJsonString(),
            Is.EqualTo("""[{"name":"Policy-0","aliases":"Policy-0","default":true},{"name":"silver","aliases":"silver, gold"}]"""));
    }
}
