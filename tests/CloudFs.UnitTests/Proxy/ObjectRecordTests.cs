using CloudFs.Proxy.Objects;

namespace CloudFs.UnitTests.Proxy;

public class ObjectRecordTests
{
    [Test]
    public void Parse_ContractJson_ReadsEveryField()
    {
        const string json = """
            {"name":"a/b","bytes":5,"hash":"5d41402abc4b2a76b9719d911017c592","content_type":"text/plain",
             "last_modified":"2024-11-24T09:40:34.567890","timestamp":"1732441234.56789",
             "blob_id":"0193f2aa5b6c7d8e9f00112233445566","delete_at":1732449999,
             "meta":{"color":"blue"},"sys":{"content-encoding":"gzip"}}
            """;

        var record = ObjectRecord.Parse(json);

        Assert.That(record.Bytes, Is.EqualTo(5));
        Assert.That(record.Timestamp.ToHeader(), Is.EqualTo("1732441234.56789"));
        Assert.That(record.DeleteAt, Is.EqualTo(1732449999));
        var headers = ObjectHeaders.For(record).ToDictionary(h => h.Key, h => h.Value);
        Assert.That(headers["X-Object-Meta-color"], Is.EqualTo("blue"));
        Assert.That(headers["Content-Encoding"], Is.EqualTo("gzip"));
        Assert.That(headers["ETag"], Is.EqualTo("5d41402abc4b2a76b9719d911017c592"));
        Assert.That(headers["Last-Modified"], Is.EqualTo("Sun, 24 Nov 2024 09:40:35 GMT"));
    }

    [Test]
    public void Parse_NullDeleteAtAndNoTimestamp_FallsBackToLastModified()
    {
        var record = ObjectRecord.Parse("""{"bytes":0,"hash":"x","last_modified":"2024-11-24T09:40:34.500000","blob_id":"b","delete_at":null}""");

        Assert.That(record.DeleteAt, Is.Null);
        Assert.That(record.ContentType, Is.EqualTo("application/octet-stream"));
        Assert.That(record.Timestamp.ToHeader(), Is.EqualTo("1732441234.50000"));
    }
}
