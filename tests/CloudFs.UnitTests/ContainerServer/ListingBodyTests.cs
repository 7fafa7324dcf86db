using System.Text;
using CloudFs.Common.Time;
using CloudFs.ContainerServer.Core;

namespace CloudFs.UnitTests.ContainerServer;

public sealed class ListingBodyTests
{
    private static readonly long Ts = Timestamp.TryParse("1704164645.12345", out var t) ? t.Units : 0;

    [Test]
    public void LastModified_Timestamp_SwiftListingForm() =>
        Assert.That(ListingBody.LastModified(Ts), Is.EqualTo("2024-01-02T03:04:05.123450"));

    [Test]
    public void Container_Json_PythonJsonDumpsBytes()
    {
        var items = new[] { new ListingItem("é\"\\\n😀\u007f", Bytes: 3, Hash: "h", ContentType: "t", Timestamp: Ts), ListingItem.Subdir("p/") };

        var body = Encoding.ASCII.GetString(ListingBody.Container(items, ListingFormat.Json, "c"));

        Assert.That(body, Is.EqualTo(
            "[{\"bytes\": 3, \"hash\": \"h\", \"name\": \"\\u00e9\\\"\\\\\\n\\ud83d\\ude00\\u007f\", \"content_type\": \"t\", "
            + "\"last_modified\": \"2024-01-02T03:04:05.123450\"}, {\"subdir\": \"p/\"}]"));
    }

    [Test]
    public void Container_JsonLinks_CarryTheirTargetAsSwiftsSymlinkMiddlewareAddsIt()
    {
        var items = new[]
        {
            new ListingItem("l", Hash: "e", ContentType: "application/symlink", Timestamp: Ts, Symlink: new ListingSymlink("c/o%20x", null, null, null)),
            new ListingItem("s", Hash: "e", ContentType: "t", Timestamp: Ts, Symlink: new ListingSymlink("c/o", "AUTH_b", "abc", 5)),
        };

        var body = Encoding.ASCII.GetString(ListingBody.Container(items, ListingFormat.Json, "c", "AUTH_a b"));

        Assert.That(body, Is.EqualTo(
            "[{\"bytes\": 0, \"hash\": \"e\", \"name\": \"l\", \"content_type\": \"application/symlink\", \"last_modified\": \"2024-01-02T03:04:05.123450\", "
            + "\"symlink_path\": \"/v1/AUTH_a%20b/c/o%20x\"}, "
            + "{\"bytes\": 0, \"hash\": \"e\", \"name\": \"s\", \"content_type\": \"t\", \"last_modified\": \"2024-01-02T03:04:05.123450\", "
            + "\"symlink_etag\": \"abc\", \"symlink_bytes\": 5, \"symlink_path\": \"/v1/AUTH_b/c/o\"}]"));
    }

    [Test]
    public void Container_XmlLinks_ShowNoTarget() =>
        Assert.That(Encoding.UTF8.GetString(ListingBody.Container([new ListingItem("l", Symlink: new ListingSymlink("c/o", null, null, null))], ListingFormat.Xml, "c")),
            Does.Not.Contain("symlink"));

    [Test]
    public void Container_XmlEmpty_SelfClosing() =>
        Assert.That(Encoding.UTF8.GetString(ListingBody.Container([], ListingFormat.Xml, "a\"b&")),
            Is.EqualTo("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<container name=\"a&quot;b&amp;\" />"));

    [Test]
    public void Container_Xml_EscapesAndEmptyElements()
    {
        var items = new[] { new ListingItem("<a>&", Bytes: 1, Hash: "h", ContentType: "", Timestamp: Ts), ListingItem.Subdir("s\"/") };

        var body = Encoding.UTF8.GetString(ListingBody.Container(items, ListingFormat.Xml, "c"));

        Assert.That(body, Is.EqualTo("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<container name=\"c\"><object><name>&lt;a&gt;&amp;</name>"
            + "<hash>h</hash><bytes>1</bytes><content_type /><last_modified>2024-01-02T03:04:05.123450</last_modified></object>"
            + "<subdir name=\"s&quot;/\"><name>s\"/</name></subdir></container>"));
    }

    [Test]
    public void Account_XmlAndJsonAndPlain_AsSwift()
    {
        var items = new[] { new ListingItem("c", Bytes: 5, Count: 2, Timestamp: Ts), ListingItem.Subdir("d-") };

        Assert.That(Encoding.UTF8.GetString(ListingBody.Account(items, ListingFormat.Xml, "AUTH_a")), Is.EqualTo(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<account name=\"AUTH_a\">\n<container><name>c</name><count>2</count>"
            + "<bytes>5</bytes><last_modified>2024-01-02T03:04:05.123450</last_modified></container>\n<subdir name=\"d-\" />\n</account>"));
        Assert.That(Encoding.UTF8.GetString(ListingBody.Account(items, ListingFormat.Json, "AUTH_a")), Is.EqualTo(
            "[{\"name\": \"c\", \"count\": 2, \"bytes\": 5, \"last_modified\": \"2024-01-02T03:04:05.123450\"}, {\"subdir\": \"d-\"}]"));
        Assert.That(Encoding.UTF8.GetString(ListingBody.Account(items, ListingFormat.Plain, "AUTH_a")), Is.EqualTo("c\nd-\n"));
        Assert.That(Encoding.UTF8.GetString(ListingBody.Account([], ListingFormat.Xml, "AUTH_a")),
            Is.EqualTo("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<account name=\"AUTH_a\">\n</account>"));
    }
}
