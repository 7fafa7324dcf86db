using CloudFs.AccountServer.Core.Versioning;
using CloudFs.Common.Results;

namespace CloudFs.UnitTests.AccountServer;

public class VersionsLocationChangeTests
{
    private static Outcome<VersionsLocationChange?> Parse(params (string Name, string Value)[] headers) =>
        VersionsLocationChange.Parse(name => headers.Where(h => h.Name.Equals(name, StringComparison.OrdinalIgnoreCase)).Select(h => h.Value).FirstOrDefault());

    [Test]
    public void NoHeaders_NoChange() => Assert.That(Parse().Value, Is.Null);

    [Test]
    public void VersionsLocation_IsStackMode() =>
        Assert.That(Parse(("X-Versions-Location", "old")).Value, Is.EqualTo(new VersionsLocationChange("old", LegacyVersionsMode.Stack)));

    [Test]
    public void HistoryLocation_IsHistoryMode() =>
        Assert.That(Parse(("X-History-Location", "old")).Value, Is.EqualTo(new VersionsLocationChange("old", LegacyVersionsMode.History)));

    [Test]
    public void BothWithValues_Is400WithSwiftsText()
    {
        var parsed = Parse(("X-History-Location", "a"), ("X-Versions-Location", "b"));
        Assert.That(parsed.Error!.Kind, Is.EqualTo(CloudFsErrorKind.BadRequest));
        Assert.That(parsed.Error.Message, Is.EqualTo("Only one of x-versions-location or x-history-location may be specified"));
        Assert.That(parsed.Error.ContentType, Is.EqualTo("text/plain"));
    }

    [Test]
    public void BothWithEmptyHistory_DefersToVersions() =>
        Assert.That(Parse(("X-History-Location", ""), ("X-Versions-Location", "b")).Value, Is.EqualTo(new VersionsLocationChange("b", LegacyVersionsMode.Stack)));

    [Test]
    public void BothWithEmptyVersions_KeepsHistory() =>
        Assert.That(Parse(("X-History-Location", "a"), ("X-Versions-Location", "")).Value, Is.EqualTo(new VersionsLocationChange("a", LegacyVersionsMode.History)));

    [TestCase("X-Versions-Location", "")]
    [TestCase("X-History-Location", "")]
    [TestCase("X-Remove-Versions-Location", "x")]
    [TestCase("X-Remove-History-Location", "1")]
    public void EmptyValueOrRemoveHeader_Removes(string name, string value) =>
        Assert.That(Parse((name, value)).Value!.IsRemoval, Is.True);

    [Test]
    public void EmptyRemoveHeader_IsNoChange() => Assert.That(Parse(("X-Remove-Versions-Location", "")).Value, Is.Null);

    [Test]
    public void SettingWinsOverRemoving() =>
        Assert.That(Parse(("X-Versions-Location", "v"), ("X-Remove-Versions-Location", "x")).Value!.Location, Is.EqualTo("v"));

    [Test]
    public void Slash_Is412()
    {
        var parsed = Parse(("X-Versions-Location", "a/b"));
        Assert.That(parsed.Error!.Kind, Is.EqualTo(CloudFsErrorKind.PreconditionFailed));
        Assert.That(parsed.Error.Message, Is.EqualTo("Container name cannot contain slashes"));
    }
}
