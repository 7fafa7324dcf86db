using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using CloudFs.IntegrationTests.Hosting;

namespace CloudFs.IntegrationTests.ObjectServer;

public class BlobApiTests
{
    private ObjectServerHost _host = null!;

    [SetUp]
    public async Task SetUp() => _host = await ObjectServerHost.StartAsync(
        "--ObjectServer:MaxObjectSize=1048576", "--ObjectServer:ClientTimeoutSeconds=1");

    [TearDown]
    public async Task TearDown() => await _host.DisposeAsync();

    private HttpClient Client => _host.Client;

    [Test]
    public async Task Put_NewBlob_CreatedWithEtagAndSize()
    {
        var data = RandomBytes(100_000);
        var path = ObjectServerHost.BlobPath(ObjectServerHost.NewBlobId());

        using var response = await Client.PutAsync(path, new ByteArrayContent(data));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        Assert.That(response.Headers.ETag?.Tag, Is.EqualTo($"\"{Md5(data)}\""));
        Assert.That(response.Headers.GetValues("X-Blob-Size").Single(), Is.EqualTo("100000"));
        Assert.That(response.Content.Headers.LastModified, Is.Not.Null);
        Assert.That(response.Headers.Contains("X-Trans-Id"), Is.True);
    }

    [Test]
    public async Task Get_StoredBlob_BodyAndHeaders()
    {
        var data = RandomBytes(700_000);
        var path = ObjectServerHost.BlobPath(ObjectServerHost.NewBlobId());
        var timestamp = "1700000000.12345";
        using var put = new HttpRequestMessage(HttpMethod.Put, path) { Content = new ByteArrayContent(data) };
        put.Headers.Add("X-Timestamp", timestamp);
        (await Client.SendAsync(put)).Dispose();

        using var response = await Client.GetAsync(path);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(await response.Content.ReadAsByteArrayAsync(), Is.EqualTo(data));
        Assert.That(response.Content.Headers.ContentLength, Is.EqualTo(data.Length));
        Assert.That(response.Headers.ETag?.Tag, Is.EqualTo($"\"{Md5(data)}\""));
        Assert.That(response.Content.Headers.LastModified, Is.EqualTo(DateTimeOffset.FromUnixTimeSeconds(1700000000)));
        Assert.That(response.Headers.GetValues("X-Timestamp").Single(), Is.EqualTo(timestamp));
        Assert.That(response.Headers.AcceptRanges, Does.Contain("bytes"));
    }

    [Test]
    public async Task Head_StoredBlob_HeadersOnly()
    {
        var data = RandomBytes(5000);
        var path = await PutAsync(data);

        using var response = await Client.SendAsync(new HttpRequestMessage(HttpMethod.Head, path));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(response.Content.Headers.ContentLength, Is.EqualTo(5000));
        Assert.That(response.Headers.ETag?.Tag, Is.EqualTo($"\"{Md5(data)}\""));
        Assert.That(await response.Content.ReadAsByteArrayAsync(), Is.Empty);
    }

    [Test]
    public async Task Put_ChunkedBody_Created()
    {
        var data = RandomBytes(300_000);
        var path = ObjectServerHost.BlobPath(ObjectServerHost.NewBlobId());
        using var request = new HttpRequestMessage(HttpMethod.Put, path) { Content = new StreamContent(new MemoryStream(data)) };
        request.Headers.TransferEncodingChunked = true;

        using var response = await Client.SendAsync(request);
        using var get = await Client.GetAsync(path);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        Assert.That(await get.Content.ReadAsByteArrayAsync(), Is.EqualTo(data));
    }

    [Test]
    public async Task Put_SameIdSameBodyAgain_AcceptedWithSameEtag()
    {
        var data = RandomBytes(10_000);
        var path = await PutAsync(data);

        using var again = await Client.PutAsync(path, new ByteArrayContent(data));

        Assert.That(again.StatusCode, Is.EqualTo(HttpStatusCode.Accepted));
        Assert.That(again.Headers.ETag?.Tag, Is.EqualTo($"\"{Md5(data)}\""));
    }

    [Test]
    public async Task Put_SameIdOtherBody_Conflict()
    {
        var path = await PutAsync(RandomBytes(10_000));

        using var again = await Client.PutAsync(path, new ByteArrayContent(RandomBytes(10_000)));

        Assert.That(again.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
    }

    [Test]
    public async Task Put_WrongEtag_UnprocessableAndNothingStored()
    {
        var path = ObjectServerHost.BlobPath(ObjectServerHost.NewBlobId());
        using var request = new HttpRequestMessage(HttpMethod.Put, path) { Content = new ByteArrayContent(RandomBytes(1000)) };
        request.Headers.TryAddWithoutValidation("ETag", new string('a', 32));

        using var response = await Client.SendAsync(request);
        using var get = await Client.GetAsync(path);

        Assert.That(response.StatusCode, Is.EqualTo((HttpStatusCode)422));
        Assert.That(get.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        AssertTempEmpty();
    }

    [Test]
    public async Task Put_RightEtag_Created()
    {
        var data = RandomBytes(1000);
        using var request = new HttpRequestMessage(HttpMethod.Put, ObjectServerHost.BlobPath(ObjectServerHost.NewBlobId()))
        {
            Content = new ByteArrayContent(data),
        };
        request.Headers.TryAddWithoutValidation("ETag", $"\"{Md5(data).ToUpperInvariant()}\"");

        using var response = await Client.SendAsync(request);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created));
    }

    [TestCase("/sda/7/blobs/not-hex")]
    [TestCase("/sda/7/blobs/0193F2A07C1A7ABC8DEF0123456789AB")]
    [TestCase("/sda/x7/blobs/0193f2a07c1a7abc8def0123456789ab")]
    [TestCase("/.sda/7/blobs/0193f2a07c1a7abc8def0123456789ab")]
    public async Task AnyMethod_BadSegments_BadRequest(string path)
    {
        using var get = await Client.GetAsync(path);
        using var put = await Client.PutAsync(path, new ByteArrayContent([1]));
        using var delete = await Client.DeleteAsync(path);

        Assert.That(new[] { get.StatusCode, put.StatusCode, delete.StatusCode }, Is.All.EqualTo(HttpStatusCode.BadRequest));
    }

    [Test]
    public async Task Get_NeverStored_NotFound()
    {
        using var response = await Client.GetAsync(ObjectServerHost.BlobPath(ObjectServerHost.NewBlobId()));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    [Test]
    public async Task AnyMethod_MissingDevice_InsufficientStorage()
    {
        var path = ObjectServerHost.BlobPath(ObjectServerHost.NewBlobId(), device: "sdz");

        using var put = await Client.PutAsync(path, new ByteArrayContent([1, 2, 3]));
        using var get = await Client.GetAsync(path);
        using var delete = await Client.DeleteAsync(path);

        Assert.That(new[] { put.StatusCode, get.StatusCode, delete.StatusCode }, Is.All.EqualTo(HttpStatusCode.InsufficientStorage));
    }

    [Test]
    public async Task Put_DeclaredLengthOverMax_RequestEntityTooLarge()
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, ObjectServerHost.BlobPath(ObjectServerHost.NewBlobId()))
        {
            Content = new ByteArrayContent(new byte[1048577]),
        };
        request.Headers.ExpectContinue = true; // the server answers before the body is sent

        using var response = await Client.SendAsync(request);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.RequestEntityTooLarge));
    }

    [Test]
    public async Task Put_ChunkedBodyOverMax_RequestEntityTooLargeAndNothingStored()
    {
        var path = ObjectServerHost.BlobPath(ObjectServerHost.NewBlobId());
        using var request = new HttpRequestMessage(HttpMethod.Put, path)
        {
            Content = new StreamContent(new MemoryStream(new byte[1048577 + 1000])),
        };
        request.Headers.TransferEncodingChunked = true;

        using var response = await Client.SendAsync(request);
        using var get = await Client.GetAsync(path);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.RequestEntityTooLarge));
        Assert.That(get.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        AssertTempEmpty();
    }

    [Test]
    public async Task Put_NeitherLengthNorChunked_LengthRequired()
    {
        var response = await RawAsync($"PUT {ObjectServerHost.BlobPath(ObjectServerHost.NewBlobId())} HTTP/1.1\r\nHost: x\r\n\r\n");

        Assert.That(response, Does.StartWith("HTTP/1.1 411"));
    }

    [Test]
    public async Task Put_ClientStallsMidBody_RequestTimeoutAndNothingStored()
    {
        var path = ObjectServerHost.BlobPath(ObjectServerHost.NewBlobId());

        var response = await RawAsync($"PUT {path} HTTP/1.1\r\nHost: x\r\nContent-Length: 1000\r\n\r\n0123456789");

        Assert.That(response, Does.StartWith("HTTP/1.1 408"));
        using var get = await Client.GetAsync(path);
        Assert.That(get.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        AssertTempEmpty();
    }

    [Test]
    public async Task Put_ClientDisconnectsMidBody_NothingStored()
    {
        var path = ObjectServerHost.BlobPath(ObjectServerHost.NewBlobId());
        using (var tcp = new TcpClient())
        {
            await tcp.ConnectAsync(_host.BaseAddress.Host, _host.BaseAddress.Port);
            var stream = tcp.GetStream();
            await stream.WriteAsync(Encoding.ASCII.GetBytes($"PUT {path} HTTP/1.1\r\nHost: x\r\nContent-Length: 1000000\r\n\r\n"));
            await stream.WriteAsync(RandomBytes(300_000));

            // Disconnect only once the server is writing the body, so it is really mid-body.
            await Wait.UntilAsync(() => TempFiles().Length > 0, "the server writes a temp file");
        }

        await Wait.UntilAsync(() => TempFiles().Length == 0, "the server removes its temp file");
        using var get = await Client.GetAsync(path);

        Assert.That(get.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        AssertTempEmpty();
    }

    [Test]
    public async Task Delete_StoredBlob_NoContentThenNotFound()
    {
        var path = await PutAsync(RandomBytes(100));

        using var delete = await Client.DeleteAsync(path);
        using var get = await Client.GetAsync(path);
        using var deleteAgain = await Client.DeleteAsync(path);

        Assert.That(delete.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        Assert.That(get.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(deleteAgain.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    [Test]
    public async Task Delete_NeverStored_NotFound()
    {
        using var delete = await Client.DeleteAsync(ObjectServerHost.BlobPath(ObjectServerHost.NewBlobId()));

        Assert.That(delete.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    [Test]
    public async Task Put_AfterDelete_ConflictNoResurrection()
    {
        var data = RandomBytes(100);
        var path = await PutAsync(data);
        (await Client.DeleteAsync(path)).Dispose();

        using var latePut = await Client.PutAsync(path, new ByteArrayContent(data));
        using var get = await Client.GetAsync(path);

        Assert.That(latePut.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
        Assert.That(await latePut.Content.ReadAsStringAsync(), Does.Contain("deleted"));
        Assert.That(get.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    [Test]
    public async Task Put_AfterDeleteOfNeverStoredId_Conflict()
    {
        var path = ObjectServerHost.BlobPath(ObjectServerHost.NewBlobId());
        (await Client.DeleteAsync(path)).Dispose();

        using var latePut = await Client.PutAsync(path, new ByteArrayContent([1, 2]));

        Assert.That(latePut.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
    }

    [Test]
    public async Task Post_WithoutVerify_MethodNotAllowed()
    {
        var path = await PutAsync(RandomBytes(10));

        using var response = await Client.PostAsync(path, null);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.MethodNotAllowed));
    }

    [Test]
    public async Task Healthcheck_Running_Ok()
    {
        Assert.That(await Client.GetStringAsync("/healthcheck"), Is.EqualTo("OK"));
    }

    [Test]
    public async Task ReconDiskUsage_OneDevice_ReportsSpace()
    {
        using var doc = JsonDocument.Parse(await Client.GetStringAsync("/recon/diskusage"));

        var device = doc.RootElement.EnumerateArray().Single();
        Assert.That(device.GetProperty("device").GetString(), Is.EqualTo("sda"));
        Assert.That(device.GetProperty("mounted").GetBoolean(), Is.True);
        Assert.That(device.GetProperty("size").GetInt64(), Is.GreaterThan(0));
        Assert.That(device.GetProperty("avail").GetInt64(), Is.GreaterThan(0));
    }

    internal static byte[] RandomBytes(int length)
    {
        var data = new byte[length];
        Random.Shared.NextBytes(data);
        return data;
    }

    internal static string Md5(byte[] data) => Convert.ToHexStringLower(MD5.HashData(data));

    private async Task<string> PutAsync(byte[] data)
    {
        var path = ObjectServerHost.BlobPath(ObjectServerHost.NewBlobId());
        using var response = await Client.PutAsync(path, new ByteArrayContent(data));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        return path;
    }

    private void AssertTempEmpty() => Assert.That(TempFiles(), Is.Empty, "temp files left behind");

    private string[] TempFiles()
    {
        var tmp = Path.Combine(_host.DevicesRoot, "sda", "tmp");
        return Directory.Exists(tmp) ? Directory.GetFiles(tmp) : [];
    }

    // Raw HTTP for what HttpClient will not send: no length at all, or a body that stops.
    private async Task<string> RawAsync(string request)
    {
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(_host.BaseAddress.Host, _host.BaseAddress.Port);
        var stream = tcp.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes(request));
        var buffer = new byte[4096];
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var read = await stream.ReadAsync(buffer, timeout.Token);
        return Encoding.ASCII.GetString(buffer, 0, read);
    }
}
