using System.Text;
using CloudFs.ContainerServer.Core;

namespace CloudFs.UnitTests.ContainerServer;

public class VersionListingItemTests
{
    private const long Units = 179613113063125;

    private static string Json(params VersionListingItem[] items) => Encoding.ASCII.GetString(VersionListingItem.Json(items));

    [Test]
    public void RealVersion_EndsWithIsLatestThenVersionId() =>
        Assert.That(Json(VersionListingItem.Of(new VersionListingEntry("o", 2, "h", "text/plain", Units, true, "1796131130.63125"), true)),
            Is.EqualTo("""[{"bytes": 2, "hash": "h", "name": "o", "content_type": "text/plain", "last_modified": "2026-12-01T13:18:50.631250", "is_latest": true, "version_id": "1796131130.63125"}]"""));

    [Test]
    public void KeptVersion_TakesItsIdFromItsTimestamp() =>
        Assert.That(Json(VersionListingItem.Of(new VersionListingEntry("o", 2, "h", "t", Units, false, null), false)),
            Does.EndWith("\"is_latest\": false, \"version_id\": \"1796131130.63125\"}]"));

    [Test]
    public void NullVersion_PutsVersionIdBeforeIsLatest_AsSwift() =>
        Assert.That(Json(VersionListingItem.Of(new VersionListingEntry("o", 2, "h", "t", Units, true, null), true)),
            Does.EndWith("\"version_id\": \"null\", \"is_latest\": true}]"));

    [Test]
    public void Subdir_AndNonAsciiEscaped() =>
        Assert.That(Json(VersionListingItem.Subdir("a/"), VersionListingItem.Of(new VersionListingEntry("é", 0, "", "", Units, false, null), false)),
            Does.StartWith("""[{"subdir": "a/"}, {"bytes": 0, "hash": "", "name": "\u00e9",""" ));

    [Test]
    public void Empty_IsAnEmptyArray() => Assert.That(Json(), Is.EqualTo("[]"));
}
