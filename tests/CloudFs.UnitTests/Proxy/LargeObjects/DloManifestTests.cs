using CloudFs.Common.Time;
using CloudFs.Proxy.LargeObjects;
using CloudFs.Proxy.Objects;
using Microsoft.AspNetCore.Http;

namespace CloudFs.UnitTests.Proxy.LargeObjects;

public class DloManifestTests
{
    [TestCase("c/p", true)]
    [TestCase("c/seg/", true)]
    [TestCase("c/a/b/c", true)]
    [TestCase("c/se%67/", true)]
    [TestCase("noslash", false)]
    [TestCase("c/", false)]
    [TestCase("/p", false)]
    [TestCase("c//p", false)]
    [TestCase("c/p?x", false)]
    [TestCase("c/p&x", false)]
    [TestCase("c%2Fp/", false)] // recorded from Swift: the prefix after the only raw slash is empty
    [TestCase("c%2Fp", false)]
    [TestCase("", false)]
    public void IsValid_AsSwiftsDloChecksIt(string value, bool valid)
    {
        Assert.That(DloManifest.IsValid(value), Is.EqualTo(valid));
    }

    [Test]
    public void Check_BadHeader_IsSwifts400Text()
    {
        var headers = new HeaderDictionary { ["X-Object-Manifest"] = "noslash" };

        var error = DloManifest.Check(headers);

        Assert.That(error?.Message, Is.EqualTo("X-Object-Manifest must be in the format container/prefix"));
        Assert.That(error?.ContentType, Is.Null, "Swift sends it as text/html");
        Assert.That(DloManifest.Check(new HeaderDictionary()), Is.Null);
        Assert.That(DloManifest.Check(new HeaderDictionary { ["X-Object-Manifest"] = "c/p" }), Is.Null);
    }

    [Test]
    public void Parse_PercentDecodesThenSplitsAtTheFirstSlash()
    {
        Assert.That(DloManifest.Parse("c/se%67/"), Is.EqualTo(new DloManifest("c", "seg/")));
        Assert.That(DloManifest.Parse("c/a/b"), Is.EqualTo(new DloManifest("c", "a/b")));
        Assert.That(DloManifest.Parse("caf%C3%A9/x"), Is.EqualTo(new DloManifest("café", "x")));
        Assert.That(DloManifest.Parse("nothing"), Is.Null);
    }

    [Test]
    public void Of_ReadsTheStoredSystemValue()
    {
        var sys = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { ["x-object-manifest"] = "segs/file/" };
        var manifest = new ObjectRecord("m", 0, "d41d8cd98f00b204e9800998ecf8427e", "text/plain", Timestamp.FromDateTimeOffset(DateTimeOffset.UnixEpoch), "b", null,
            new Dictionary<string, string>(), sys);
        var plain = manifest with { Sys = new Dictionary<string, string>() };

        Assert.That(DloManifest.Of(manifest), Is.EqualTo(new DloManifest("segs", "file/")));
        Assert.That(DloManifest.Of(plain), Is.Null);
    }

    [TestCase("?multipart-manifest=get", true)]
    [TestCase("?multipart-manifest=put", false)]
    [TestCase("?multipart-manifest=put&multipart-manifest=get", true)]
    [TestCase("", false)]
    public void WantsManifest_OnlyForGet(string query, bool wanted)
    {
        var context = new DefaultHttpContext();
        context.Request.QueryString = new QueryString(query);

        Assert.That(DloManifest.WantsManifest(context.Request), Is.EqualTo(wanted));
    }
}
