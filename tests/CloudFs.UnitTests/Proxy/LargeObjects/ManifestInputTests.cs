using System.Text;
using CloudFs.Common.Results;
using CloudFs.Proxy.LargeObjects;

namespace CloudFs.UnitTests.Proxy.LargeObjects;

/// <summary>The manifest list checks, with the texts Swift 2.30's slo middleware answers.</summary>
public class ManifestInputTests
{
    private const string Account = "/v1/AUTH_test";
    private const string Self = "/v1/AUTH_test/c/m";

    private static Outcome<IReadOnlyList<ManifestInputSegment>> Parse(string json) => ManifestInput.Parse(Encoding.UTF8.GetBytes(json), Self, Account);

    [Test]
    public void ValidList_KeepsPathsEtagsSizesAndRanges()
    {
        var parsed = Parse("""[{"path": "/c/s1", "etag": "abc", "size_bytes": "5"}, {"path": "c/s2", "range": "-2"}, {"data": "aW5saW5l"}]""");
        Assert.That(parsed.IsSuccess, Is.True);
        var segments = parsed.Value!;
        Assert.That(segments[0], Is.EqualTo(new ManifestInputSegment("/c/s1", "abc", 5, null, null, null)));
        Assert.That(segments[1].Range, Is.EqualTo(new SegmentRange(null, 2)));
        Assert.That(Encoding.ASCII.GetString(segments[2].Data!), Is.EqualTo("inline"));
    }

    [TestCase("not json", "Manifest must be valid JSON.\n")]
    [TestCase("""{"path": "/c/s"}""", "Manifest must be a list.\n")]
    public void WholeBodyProblems_AreHtml400s(string json, string message)
    {
        var parsed = Parse(json);
        Assert.That(parsed.Error!.Kind, Is.EqualTo(CloudFsErrorKind.BadRequest));
        Assert.That(parsed.Error.Message, Is.EqualTo(message));
        Assert.That(parsed.Error.ContentType, Is.Null);
    }

    [Test]
    public void EverySegmentProblem_IsListedByIndex_AsPlainText()
    {
        var parsed = Parse("""
            [5, {"etag": "x"}, {"path": "/c/s", "x": 1, "y": 2}, {"path": 3}, {"path": "/c/s", "etag": 3}, {"path": "/nocontainer"},
             {"path": "/c/s", "size_bytes": "big"}, {"path": "/c/s", "size_bytes": 0}, {"path": "/c/m"}, {"path": "/c/s", "range": "x"},
             {"path": "/c/s", "range": "1-2,4-5"}, {"path": "/c/s", "size_bytes": 3, "range": "5-"}, {"data": "!!"}, {"data": ""}, {"path": "/c/s"}]
            """);
        Assert.That(parsed.Error!.ContentType, Is.EqualTo("text/plain"));
        Assert.That(parsed.Error.Message, Is.EqualTo(
            "Index 0: not a JSON object\n"
            + "Index 1: expected keys to include one of 'path' or 'data'\n"
            + "Index 2: extraneous keys \"x\", \"y\"\n"
            + "Index 3: \"path\" must be a string\n"
            + "Index 4: \"etag\" must be a string or null (if provided)\n"
            + "Index 5: path does not refer to an object. Path must be of the form /container/object.\n"
            + "Index 6: invalid size_bytes\n"
            + "Index 7: too small; each segment must be at least 1 byte.\n"
            + "Index 8: manifest must not include itself as a segment\n"
            + "Index 9: invalid range\n"
            + "Index 10: multiple ranges (only one allowed)\n"
            + "Index 11: unsatisfiable range\n"
            + "Index 12: data must be valid base64\n"
            + "Index 13: too small; each segment must be at least 1 byte.\n"));
    }

    [Test]
    public void OnlyInlineData_IsRefused()
    {
        Assert.That(Parse("""[{"data": "aW5saW5l"}]""").Error!.Message,
            Is.EqualTo("Inline data segments require at least one object-backed segment.\n"));
    }

    [Test]
    public void EmptyLastSegment_IsAllowed()
    {
        Assert.That(Parse("""[{"path": "/c/a", "size_bytes": 1}, {"path": "/c/b", "size_bytes": 0}]""").IsSuccess, Is.True);
    }

    [TestCase("a b/ü", "a%20b/%C3%BC")]
    [TestCase("safe_.-~/x", "safe_.-~/x")]
    public void Quote_AsPython(string text, string quoted)
    {
        Assert.That(ManifestInput.Quote(text), Is.EqualTo(quoted));
    }
}
