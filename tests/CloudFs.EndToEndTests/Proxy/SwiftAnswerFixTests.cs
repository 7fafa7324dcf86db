using System.Net;
using System.Net.Sockets;
using System.Text;
using CloudFs.EndToEndTests.Cluster;

namespace CloudFs.EndToEndTests.Proxy;

/// <summary>
/// Answers that differed from Swift 2.30.1 (issue 13), each asserted as Swift answered it on
/// this machine: metadata counts, Last-Modified, conditional and range answers, ranged copies,
/// transfer codings, unknown methods, guessed types, header case, expiry far ahead.
/// </summary>
[Category("E2E")]
public class SwiftAnswerFixTests
{
    private const string Box = "/v1/AUTH_test/fixes";
    private CloudFsCluster _cluster = null!;
    private string _token = "";

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _cluster = new CloudFsCluster();
        await _cluster.StartAsync();
        _token = (await ProxyHttp.LoginAsync(_cluster, "test:tester", "testing")).Token;
        using var created = await SendAsync(HttpMethod.Put, Box);
        Assert.That((int)created.StatusCode, Is.EqualTo(201));
        using var put = await SendAsync(HttpMethod.Put, Box + "/digits", new ByteArrayContent("0123456789"u8.ToArray()), new() { ["Content-Type"] = "text/plain" });
        Assert.That((int)put.StatusCode, Is.EqualTo(201));
    }

    [OneTimeTearDown]
    public async Task StopAsync() => await _cluster.DisposeAsync();

    [Test]
    public async Task Put_NinetyMetadataItems_AreStoredAndTheNinetyFirstIs400()
    {
        var headers = Enumerable.Range(0, 90).ToDictionary(i => $"X-Object-Meta-K{i}", _ => "v");
        using var put = await SendAsync(HttpMethod.Put, Box + "/m90", new StringContent("x"), headers);
        using var head = await SendAsync(HttpMethod.Head, Box + "/m90");
        headers["X-Object-Meta-K90"] = "v";
        using var tooMany = await SendAsync(HttpMethod.Put, Box + "/m91", new StringContent("x"), headers);
        using var post = await SendAsync(HttpMethod.Post, Box + "/m90", null, Enumerable.Range(0, 90).ToDictionary(i => $"X-Object-Meta-P{i}", _ => "w"));

        Assert.That(put.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        Assert.That(head.Headers.Count(h => h.Key.StartsWith("X-Object-Meta-", StringComparison.Ordinal)), Is.EqualTo(90));
        Assert.That(tooMany.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(await tooMany.Content.ReadAsStringAsync(), Is.EqualTo("Too many metadata items; max 90"));
        Assert.That(post.StatusCode, Is.EqualTo(HttpStatusCode.Accepted));
    }

    [Test]
    public async Task ObjectPost_MetadataNamesTitleCasedAndEmptyValuesKept()
    {
        using var put = await SendAsync(HttpMethod.Put, Box + "/case", new StringContent("c"));
        using var post = await SendAsync(HttpMethod.Post, Box + "/case", null,
            new() { ["x-object-meta-color"] = "red", ["X-OBJECT-META-SHAPE"] = "round", ["X-Object-Meta-Empty"] = "" });
        using var head = await SendAsync(HttpMethod.Head, Box + "/case");

        var names = head.Headers.Where(h => h.Key.Contains("Meta", StringComparison.OrdinalIgnoreCase)).ToDictionary(h => h.Key, h => h.Value.Single());
        Assert.That(names, Is.EquivalentTo(new Dictionary<string, string> { ["X-Object-Meta-Color"] = "red", ["X-Object-Meta-Shape"] = "round", ["X-Object-Meta-Empty"] = "" }));
    }

    [Test]
    public async Task LastModified_MovesOnObjectPostAndContainerPutAndPost()
    {
        using var put = await SendAsync(HttpMethod.Put, Box + "/lm", new StringContent("l"));
        var objectBefore = await LastModifiedAsync(Box + "/lm");
        var containerBefore = await LastModifiedAsync(Box);
        await PastSecondOfAsync(objectBefore > containerBefore ? objectBefore : containerBefore);
        using var post = await SendAsync(HttpMethod.Post, Box + "/lm", null, new() { ["X-Object-Meta-A"] = "1" });
        using var containerPost = await SendAsync(HttpMethod.Post, Box, null, new() { ["X-Container-Meta-A"] = "1" });
        var objectAfter = await LastModifiedAsync(Box + "/lm");
        var containerAfterPost = await LastModifiedAsync(Box);
        await PastSecondOfAsync(containerAfterPost);
        using var containerPut = await SendAsync(HttpMethod.Put, Box);
        var containerAfterPut = await LastModifiedAsync(Box);

        Assert.That(objectAfter, Is.GreaterThan(objectBefore));
        Assert.That(containerAfterPost, Is.GreaterThan(containerBefore));
        Assert.That(containerAfterPut, Is.GreaterThan(containerAfterPost));
    }

    [Test]
    public async Task Conditional_304And412_CarryTheObjectsHeadersAsSwift()
    {
        using var head = await SendAsync(HttpMethod.Head, Box + "/digits");
        var etag = Header(head, "ETag")!;
        using var notModified = await SendAsync(HttpMethod.Get, Box + "/digits", null, new() { ["If-None-Match"] = etag });
        using var failed = await SendAsync(HttpMethod.Get, Box + "/digits", null, new() { ["If-Match"] = "\"other\"" });
        using var both = await SendAsync(HttpMethod.Get, Box + "/digits", null,
            new() { ["If-Match"] = etag, ["If-Unmodified-Since"] = "Thu, 01 Jan 1970 00:00:00 GMT" });

        Assert.That(notModified.StatusCode, Is.EqualTo(HttpStatusCode.NotModified));
        Assert.That(Header(notModified, "ETag"), Is.EqualTo(etag));
        Assert.That(Header(notModified, "Accept-Ranges"), Is.EqualTo("bytes"));
        Assert.That(Header(notModified, "Content-Type"), Is.EqualTo("text/plain"));
        Assert.That(failed.StatusCode, Is.EqualTo(HttpStatusCode.PreconditionFailed));
        Assert.That(Header(failed, "ETag"), Is.EqualTo(etag));
        Assert.That(Header(failed, "Last-Modified"), Is.Not.Null);
        Assert.That(both.StatusCode, Is.EqualTo(HttpStatusCode.PreconditionFailed), "Swift checks If-Unmodified-Since even when If-Match matched");
    }

    [TestCase("bytes=1-2,5-6")]
    [TestCase("bytes = 1-2, 5-6")]
    public async Task MultiRange_PartsCarryTheObjectsContentType(string range)
    {
        using var get = await SendAsync(HttpMethod.Get, Box + "/digits", null, new() { ["Range"] = range });
        var body = await get.Content.ReadAsStringAsync();
        var boundary = Header(get, "Content-Type")!.Split("boundary=")[1];

        Assert.That(get.StatusCode, Is.EqualTo(HttpStatusCode.PartialContent));
        Assert.That(body, Is.EqualTo(
            $"--{boundary}\r\nContent-Type: text/plain\r\nContent-Range: bytes 1-2/10\r\n\r\n12\r\n" +
            $"--{boundary}\r\nContent-Type: text/plain\r\nContent-Range: bytes 5-6/10\r\n\r\n56\r\n--{boundary}--"));
    }

    [Test]
    public async Task CopyWithRange_CopiesOnlyThatRange()
    {
        using var copy = await SendAsync(new HttpMethod("COPY"), Box + "/digits", null, new() { ["Destination"] = "fixes/ranged", ["Range"] = "bytes=2-4" });
        using var copied = await SendAsync(HttpMethod.Get, Box + "/ranged");
        using var put = await SendAsync(HttpMethod.Put, Box + "/suffix", new ByteArrayContent([]), new() { ["X-Copy-From"] = "fixes/digits", ["Range"] = "bytes=-3" });
        using var suffix = await SendAsync(HttpMethod.Get, Box + "/suffix");

        Assert.That(copy.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        Assert.That(await copied.Content.ReadAsStringAsync(), Is.EqualTo("234"));
        Assert.That(Header(copied, "ETag"), Is.EqualTo(Convert.ToHexStringLower(System.Security.Cryptography.MD5.HashData("234"u8))));
        Assert.That(Header(copied, "Content-Type"), Is.EqualTo("text/plain"));
        Assert.That(put.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        Assert.That(await suffix.Content.ReadAsStringAsync(), Is.EqualTo("789"));
    }

    [Test]
    public async Task TransferEncodingGzipChunked_Is501AndStoresNothing()
    {
        var status = await RawStatusAsync($"PUT {Box}/te HTTP/1.1\r\nHost: x\r\nX-Auth-Token: {_token}\r\nTransfer-Encoding: gzip, chunked\r\n\r\n0\r\n\r\n");
        using var head = await SendAsync(HttpMethod.Head, Box + "/te");

        Assert.That(status, Does.StartWith("HTTP/1.1 501"));
        Assert.That(head.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    // Recorded from Swift 2.30.1's full pipeline: the same list at every level (tests/Conformance, object/unknown-method).
    [TestCase(Box + "/digits", "DELETE, GET, HEAD, OPTIONS, POST, PUT")]
    [TestCase("/v1/AUTH_test", "DELETE, GET, HEAD, OPTIONS, POST, PUT")]
    public async Task UnknownMethod_Is405WithAllow(string path, string allow)
    {
        using var response = await SendAsync(new HttpMethod("FOO"), path);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.MethodNotAllowed));
        Assert.That(string.Join(", ", response.Content.Headers.Allow), Is.EqualTo(allow));
        Assert.That(Header(response, "Content-Type"), Is.EqualTo("text/html; charset=UTF-8"));
    }

    [TestCase("a.wav", "audio/x-wav")]
    [TestCase("a.zip", "application/zip")]
    [TestCase("a.tar.gz", "application/x-tar")]
    public async Task Put_WithoutContentType_GuessedAsSwift(string name, string expected)
    {
        using var put = await SendAsync(HttpMethod.Put, $"{Box}/{name}", new ByteArrayContent("x"u8.ToArray()));
        using var head = await SendAsync(HttpMethod.Head, $"{Box}/{name}");

        Assert.That(Header(head, "Content-Type"), Is.EqualTo(expected));
    }

    [Test]
    public async Task DeleteAt_FarAhead_StoredAsSwiftsLatest_AndIfDeleteAtChecked()
    {
        using var put = await SendAsync(HttpMethod.Put, Box + "/far", new StringContent("f"), new() { ["X-Delete-At"] = "99999999999" });
        using var head = await SendAsync(HttpMethod.Head, Box + "/far");
        using var bad = await SendAsync(HttpMethod.Delete, Box + "/far", null, new() { ["X-If-Delete-At"] = "abc" });
        using var wrong = await SendAsync(HttpMethod.Delete, Box + "/far", null, new() { ["X-If-Delete-At"] = "12345" });
        using var right = await SendAsync(HttpMethod.Delete, Box + "/far", null, new() { ["X-If-Delete-At"] = "9999999999" });

        Assert.That(put.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        Assert.That(Header(head, "X-Delete-At"), Is.EqualTo("9999999999"));
        Assert.That(bad.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(await bad.Content.ReadAsStringAsync(), Is.EqualTo("Bad X-If-Delete-At header value"));
        Assert.That(wrong.StatusCode, Is.EqualTo(HttpStatusCode.PreconditionFailed));
        Assert.That(right.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
    }

    [Test]
    public async Task ConnectionClose_IsEchoed()
    {
        var status = await RawStatusAsync($"HEAD {Box}/digits HTTP/1.1\r\nHost: x\r\nX-Auth-Token: {_token}\r\nConnection: close\r\n\r\n", whole: true);

        Assert.That(status, Does.StartWith("HTTP/1.1 200"));
        Assert.That(status, Does.Contain("\r\nConnection: close\r\n"));
    }

    // Last-Modified has whole seconds: a later write can only show a later one from the next second on.
    private static Task PastSecondOfAsync(DateTimeOffset lastModified) =>
        Wait.UntilAsync(() => Task.FromResult(DateTimeOffset.UtcNow >= lastModified.AddSeconds(1)),
            $"the clock passes {lastModified:r}", TimeSpan.FromSeconds(5));

    private async Task<DateTimeOffset> LastModifiedAsync(string path)
    {
        using var head = await SendAsync(HttpMethod.Head, path);
        return DateTimeOffset.Parse(Header(head, "Last-Modified")!, System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Sends bytes as they are (HttpClient would not send these headers) and returns what came back.</summary>
    private async Task<string> RawStatusAsync(string request, bool whole = false)
    {
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(_cluster.Address, CloudFsCluster.Roles["proxy"].Port);
        var stream = tcp.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes(request));
        var buffer = new byte[8192];
        var read = 0;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        while (read < buffer.Length)
        {
            var n = await stream.ReadAsync(buffer.AsMemory(read), timeout.Token);
            if (n == 0)
            {
                break;
            }

            read += n;
            var text = Encoding.ASCII.GetString(buffer, 0, read);
            if (!whole && text.Contains("\r\n", StringComparison.Ordinal))
            {
                break;
            }
        }

        return Encoding.ASCII.GetString(buffer, 0, read);
    }

    private Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, HttpContent? content = null, Dictionary<string, string>? headers = null) =>
        ProxyHttp.SendAsync(_cluster, method, path, _token, content, headers);

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values) ? values.First() : null;
}
