using System.Security.Cryptography;
using System.Text;
using CloudFs.Proxy.LargeObjects;

namespace CloudFs.UnitTests.Proxy.LargeObjects;

public class DloSegmentListTests
{
    [Test]
    public void Etag_IsTheMd5OfTheSegmentEtags_AsRecordedFromSwift()
    {
        // dlo/put-get: segments "one-", "two-", "three" answer "e870260b40df724691b7b70935f0f223".
        var list = new DloSegmentList([
            new DloSegment("seg/1", 4, Md5("one-")),
            new DloSegment("seg/2", 4, Md5("two-")),
            new DloSegment("seg/3", 5, "\"" + Md5("three") + "\""),
        ]);

        Assert.That(list.Etag, Is.EqualTo("e870260b40df724691b7b70935f0f223"));
        Assert.That(list.Total, Is.EqualTo(13));
    }

    [Test]
    public void Etag_OfNoSegments_IsTheMd5OfNothing()
    {
        var list = new DloSegmentList([]);

        Assert.That(list.Etag, Is.EqualTo("d41d8cd98f00b204e9800998ecf8427e"));
        Assert.That(list.Total, Is.Zero);
    }

    private static string Md5(string text) => Convert.ToHexStringLower(MD5.HashData(Encoding.UTF8.GetBytes(text)));
}
