using System.Net;

namespace CloudFs.IntegrationTests.ObjectServer;

public class QuarantineTests
{
    private ObjectServerHost _host = null!;

    [SetUp]
    public async Task SetUp() => _host = await ObjectServerHost.StartAsync();

    [TearDown]
    public async Task TearDown() => await _host.DisposeAsync();

    [TestCase(1_000_000)]
    [TestCase(1000)]
    public async Task Get_CorruptedOnDisk_FailsThenQuarantinedThenNotFound(int size)
    {
        var id = ObjectServerHost.NewBlobId();
        var path = ObjectServerHost.BlobPath(id);
        var data = BlobApiTests.RandomBytes(size);
        (await _host.Client.PutAsync(path, new ByteArrayContent(data))).Dispose();
        var file = Directory.GetFiles(Path.Combine(_host.DevicesRoot, "sda", "blobs"), id + ".data", SearchOption.AllDirectories).Single();
        FlipByte(file, size / 2);

        // Either the connection breaks before the headers (small blob) or the body ends short.
        var failure = Assert.CatchAsync<Exception>(async () =>
        {
            using var response = await _host.Client.GetAsync(path, HttpCompletionOption.ResponseHeadersRead);
            await response.Content.ReadAsByteArrayAsync();
        });
        using var after = await _host.Client.GetAsync(path);

        Assert.That(failure, Is.InstanceOf<HttpRequestException>().Or.InstanceOf<IOException>());
        Assert.That(File.Exists(file), Is.False);
        Assert.That(File.Exists(Path.Combine(_host.DevicesRoot, "sda", "quarantined", "blobs", id + ".data")), Is.True);
        Assert.That(after.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    [Test]
    public async Task Get_RangeOfCorruptedBlob_ServedUnverified()
    {
        // Ranges are not hashed (see docs/object-server.md): the auditor catches these.
        var id = ObjectServerHost.NewBlobId();
        var path = ObjectServerHost.BlobPath(id);
        (await _host.Client.PutAsync(path, new ByteArrayContent(BlobApiTests.RandomBytes(10_000)))).Dispose();
        FlipByte(Directory.GetFiles(_host.DevicesRoot, id + ".data", SearchOption.AllDirectories).Single(), 5000);
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.TryAddWithoutValidation("Range", "bytes=0-9");

        using var response = await _host.Client.SendAsync(request);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.PartialContent));
    }

    [Test]
    public async Task PostVerify_GoodBlob_Ok()
    {
        var data = BlobApiTests.RandomBytes(50_000);
        var path = ObjectServerHost.BlobPath(ObjectServerHost.NewBlobId());
        (await _host.Client.PutAsync(path, new ByteArrayContent(data))).Dispose();

        using var response = await _host.Client.PostAsync(path + "?verify", null);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain(BlobApiTests.Md5(data)));
    }

    [Test]
    public async Task PostVerify_CorruptedBlob_NotFoundAndQuarantined()
    {
        var id = ObjectServerHost.NewBlobId();
        var path = ObjectServerHost.BlobPath(id);
        (await _host.Client.PutAsync(path, new ByteArrayContent(BlobApiTests.RandomBytes(50_000)))).Dispose();
        FlipByte(Directory.GetFiles(_host.DevicesRoot, id + ".data", SearchOption.AllDirectories).Single(), 0);

        using var verify = await _host.Client.PostAsync(path + "?verify", null);
        using var get = await _host.Client.GetAsync(path);

        Assert.That(verify.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(get.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(Directory.GetFiles(Path.Combine(_host.DevicesRoot, "sda", "quarantined", "blobs")), Has.Length.EqualTo(1));
    }

    private static void FlipByte(string file, long offset)
    {
        using var stream = new FileStream(file, FileMode.Open, FileAccess.ReadWrite);
        stream.Position = offset;
        var b = stream.ReadByte();
        stream.Position = offset;
        stream.WriteByte((byte)(b ^ 0x5A));
    }
}
