using CloudFs.Common.Policies;

namespace CloudFs.UnitTests.Common.Policies;

public sealed class StoragePolicyTableTests
{
    private static StoragePolicyConfig P(int index, string name, bool isDefault = false, bool deprecated = false, params string[] aliases) =>
        new() { Index = index, Name = name, Default = isDefault, Deprecated = deprecated, Aliases = [.. aliases] };

    private static StoragePolicyTable Three() => StoragePolicyTable.Create(
        [P(0, "Policy-0", isDefault: true), P(1, "silver", aliases: "gold"), P(2, "bronze", deprecated: true)]);

    [Test]
    public void Create_NothingConfigured_IsSwiftsLegacyPolicyZero()
    {
        var table = StoragePolicyTable.Create([]);
        Assert.That(table.Policies, Has.Count.EqualTo(1));
        Assert.That(table.Default.Index, Is.Zero);
        Assert.That(table.Default.Name, Is.EqualTo("Policy-0"));
        Assert.That(StoragePolicyTable.Create(null).Default.Name, Is.EqualTo("Policy-0"));
    }

    [Test]
    public void ByName_NameOrAlias_IgnoresCase()
    {
        var table = Three();
        Assert.That(table.ByName("silver")!.Index, Is.EqualTo(1));
        Assert.That(table.ByName("SILVER")!.Index, Is.EqualTo(1));
        Assert.That(table.ByName("Gold")!.Name, Is.EqualTo("silver"));
        Assert.That(table.ByName("policy-0")!.Index, Is.Zero);
        Assert.That(table.ByName("nope"), Is.Null);
        Assert.That(table.ByName("1"), Is.Null, "an index is not a name");
    }

    [Test]
    public void ByIndex_KnownAndUnknown()
    {
        var table = Three();
        Assert.That(table.ByIndex(2)!.IsDeprecated, Is.True);
        Assert.That(table.ByIndex(3), Is.Null);
    }

    [Test]
    public void Policy_AliasesText_AndRingRole_AsSwift()
    {
        var table = Three();
        Assert.That(table.ByIndex(1)!.AliasesText, Is.EqualTo("silver, gold"));
        Assert.That(table.ByIndex(0)!.AliasesText, Is.EqualTo("Policy-0"));
        Assert.That(table.ByIndex(0)!.ObjectRingRole, Is.EqualTo("object"));
        Assert.That(table.ByIndex(2)!.ObjectRingRole, Is.EqualTo("object-2"));
    }

    [Test]
    public void Create_AliasEqualToName_IsSkipped() =>
        Assert.That(StoragePolicyTable.Create([P(0, "a", true, false, "a", "b")]).Default.Names, Is.EqualTo(new[] { "a", "b" }));

    [Test]
    public void Create_LonePolicyWithoutDefault_BecomesDefault() =>
        Assert.That(StoragePolicyTable.Create([P(0, "only")]).Default.Name, Is.EqualTo("only"));

    [Test]
    public void Create_KeepsConfigOrder() =>
        Assert.That(StoragePolicyTable.Create([P(1, "b"), P(0, "a", isDefault: true)]).Policies.Select(p => p.Index), Is.EqualTo(new[] { 1, 0 }));

    private static IEnumerable<TestCaseData> Invalid()
    {
        yield return new TestCaseData((object)new[] { P(0, "a", true), P(0, "b") }).SetName("duplicate index");
        yield return new TestCaseData((object)new[] { P(0, "a", true), P(1, "A") }).SetName("duplicate name ignoring case");
        yield return new TestCaseData((object)new[] { P(0, "a", true), P(1, "b", aliases: "A") }).SetName("alias taken by another policy");
        yield return new TestCaseData((object)new[] { P(0, "a", true, false, "b", "B") }).SetName("alias twice in one policy");
        yield return new TestCaseData((object)new[] { P(0, "a", true), P(1, "b", true) }).SetName("two defaults");
        yield return new TestCaseData((object)new[] { P(0, "a"), P(1, "b") }).SetName("no default among several");
        yield return new TestCaseData((object)new[] { P(0, "a", true, true) }).SetName("deprecated default");
        yield return new TestCaseData((object)new[] { P(0, "a", deprecated: true) }).SetName("every policy deprecated");
        yield return new TestCaseData((object)new[] { P(1, "a", true) }).SetName("no index 0");
        yield return new TestCaseData((object)new[] { P(-1, "a", true) }).SetName("negative index");
        yield return new TestCaseData((object)new[] { P(0, "", true) }).SetName("empty name");
        yield return new TestCaseData((object)new[] { P(0, "sil ver", true) }).SetName("space in name");
        yield return new TestCaseData((object)new[] { P(0, "silver_1", true) }).SetName("underscore in name");
        yield return new TestCaseData((object)new[] { P(0, "a", true), P(1, "policy-0") }).SetName("Policy-0 on another index");
    }

    [TestCaseSource(nameof(Invalid))]
    public void Create_BreaksSwiftsRules_Throws(StoragePolicyConfig[] configured) =>
        Assert.Throws<StoragePolicyException>(() => StoragePolicyTable.Create(configured));
}
