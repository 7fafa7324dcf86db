using CloudFs.Proxy.Middleware.TempUrl;

namespace CloudFs.UnitTests.Proxy.Middleware;

public class HeaderRulesTests
{
    [TestCase("X-Object-Meta-Color", true)]
    [TestCase("x-object-meta-public-note", false)]
    [TestCase("Content-Type", false)]
    public void SwiftDefaultOutgoing_RemovesPrivateMetaOnly(string name, bool removed)
    {
        var rules = HeaderRules.FromConfig("x-object-meta-*", "x-object-meta-public-*");

        Assert.That(rules.Removes(name), Is.EqualTo(removed));
    }

    [TestCase("X-Timestamp", true)]
    [TestCase("X-Timestamps", false)]
    public void ExactEntries_MatchWholeNames(string name, bool removed)
    {
        Assert.That(HeaderRules.FromConfig("x-timestamp", "").Removes(name), Is.EqualTo(removed));
    }
}
