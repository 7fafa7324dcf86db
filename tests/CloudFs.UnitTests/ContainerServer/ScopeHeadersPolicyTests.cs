using CloudFs.Common.Policies;
using CloudFs.ContainerServer.Core;
using CloudFs.ContainerServer.Data;

namespace CloudFs.UnitTests.ContainerServer;

public sealed class ScopeHeadersPolicyTests
{
    private static readonly StoragePolicyTable Table = StoragePolicyTable.Create(
    [
        new StoragePolicyConfig { Index = 0, Name = "Policy-0", Default = true },
        new StoragePolicyConfig { Index = 1, Name = "silver", Aliases = ["gold"] },
    ]);

    private static ScopeStatus Status(int policy = 0, params PolicyUsage[] usage) =>
        new("x", 1_700_000_000_00000, usage.Sum(u => u.ContainerCount), usage.Sum(u => u.ObjectCount), usage.Sum(u => u.BytesUsed), null, null, [], policy)
        {
            PolicyUsage = usage,
        };

    [TestCase(0, "Policy-0")]
    [TestCase(1, "silver")]
    public void Container_ShowsTheCanonicalName(int policy, string expected) =>
        Assert.That(ScopeHeaders.Container(Status(policy), false, Table).Single(h => h.Key == "X-Storage-Policy").Value, Is.EqualTo(expected));

    [Test]
    public void Container_PolicyNoLongerConfigured_NoHeader() =>
        Assert.That(ScopeHeaders.Container(Status(7), false, Table).Any(h => h.Key == "X-Storage-Policy"), Is.False);

    // Recorded from Swift 2.30.1: names title-cased in the header, three counters per policy.
    [Test]
    public void Account_OneGroupPerPolicyWithContainers()
    {
        var headers = ScopeHeaders.Account(Status(0,
            new PolicyUsage { PolicyIndex = 0, ContainerCount = 2, ObjectCount = 3, BytesUsed = 11 },
            new PolicyUsage { PolicyIndex = 1, ContainerCount = 1, ObjectCount = 1, BytesUsed = 5 },
            new PolicyUsage { PolicyIndex = 9, ContainerCount = 1, ObjectCount = 0, BytesUsed = 0 }), false, Table);

        Assert.That(headers.Where(h => h.Key.StartsWith("X-Account-Storage-Policy-", StringComparison.Ordinal)).Select(h => $"{h.Key}: {h.Value}"), Is.EqualTo(new[]
        {
            "X-Account-Storage-Policy-Policy-0-Container-Count: 2",
            "X-Account-Storage-Policy-Policy-0-Object-Count: 3",
            "X-Account-Storage-Policy-Policy-0-Bytes-Used: 11",
            "X-Account-Storage-Policy-Silver-Container-Count: 1",
            "X-Account-Storage-Policy-Silver-Object-Count: 1",
            "X-Account-Storage-Policy-Silver-Bytes-Used: 5",
        }));
    }

    [Test]
    public void Account_NoContainers_NoPolicyHeaders() =>
        Assert.That(ScopeHeaders.Account(Status(), false, Table).Any(h => h.Key.StartsWith("X-Account-Storage-Policy-", StringComparison.Ordinal)), Is.False);
}
