using System.Text.Json;
using CloudFs.Common.Contracts;
using CloudFs.Proxy.Objects;

namespace CloudFs.UnitTests.Proxy;

public class ObjectRecordTests
{
    [Test]
    public void From_ContractJson_ReadsEveryField()
    {
        const string json = """
            {"name":"a/b","bytes":5,"hash":"5d41402abc4b2a76b9719d911017c592","content_type":"text/plain",
             "last_modified":"2024-11-24T09:40:34.567890","timestamp":"1732441234.56789",
             "blob_id":"0193f2aa5b6c7d8e9f00112233445566","delete_at":1732449999,
             "meta":{"color":"blue"},"sys":{"content-encoding":"gzip"}}
            """;

        var record = ObjectRecord.From(JsonSerializer.Deserialize(json, ContractJson.Default.ResolvedObject)!);

        Assert.That(record.Bytes, Is.EqualTo(5));
        Assert.That(record.Timestamp.ToHeader(), Is.EqualTo("1732441234.56789"));
        Assert.That(record.DeleteAt, Is.EqualTo(1732449999));
        var headers = ObjectHeaders.For(record).ToDictionary(h => h.Key, h => h.Value);
        Assert.That(headers["X-Object-Meta-Color"], Is.EqualTo("blue"), "title case, as Swift sends object metadata names");
        Assert.That(headers["Content-Encoding"], Is.EqualTo("gzip"));
        Assert.That(headers["ETag"], Is.EqualTo("5d41402abc4b2a76b9719d911017c592"));
        Assert.That(headers["Last-Modified"], Is.EqualTo("Sun, 24 Nov 2024 09:40:35 GMT"));
    }

    [Test]
    public void From_NullDeleteAtAndNoContentType_Defaults()
    {
        var resolved = new ResolvedObject("o", 0, "x", null, "2024-11-24T09:40:34.500000", "1732441234.50000", "b", null, "enabled",
            new Dictionary<string, string>(), new Dictionary<string, string>());

        var record = ObjectRecord.From(JsonSerializer.Deserialize(JsonSerializer.Serialize(resolved, ContractJson.Default.ResolvedObject), ContractJson.Default.ResolvedObject)!);

        Assert.That(record.DeleteAt, Is.Null);
        Assert.That(record.ContentType, Is.EqualTo("application/octet-stream"));
        Assert.That(record.Timestamp.ToHeader(), Is.EqualTo("1732441234.50000"));
    }
}
