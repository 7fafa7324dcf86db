using System.Net;
using CloudFs.EndToEndTests.Cluster;

namespace CloudFs.EndToEndTests.Proxy;

/// <summary>Object metadata, copies, expiry and deletes through the proxy with plain HTTP.</summary>
[Category("E2E")]
public class ObjectApiTests
{
    private CloudFsCluster _cluster = null!;
    private string _token = "";

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _cluster = new CloudFsCluster();
        await _cluster.StartAsync();
        _token = (await ProxyHttp.LoginAsync(_cluster, "test:tester", "testing")).Token;
        using var created = await ProxyHttp.SendAsync(_cluster, HttpMethod.Put, "/v1/AUTH_test/objs", _token);
        Assert.That((int)created.StatusCode, Is.EqualTo(201));
    }

    [OneTimeTearDown]
    public async Task StopAsync() => await _cluster.DisposeAsync();

    [Test]
    public async Task PutPostHead_Utf8Metadata_IsKeptAndReplaced()
    {
        using var put = await SendAsync(HttpMethod.Put, "/v1/AUTH_test/objs/meta.txt", new StringContent("m"),
            new() { ["X-Object-Meta-Fruit"] = "café", ["Content-Disposition"] = "attachment" });
        using var head = await SendAsync(HttpMethod.Head, "/v1/AUTH_test/objs/meta.txt");
        using var post = await SendAsync(HttpMethod.Post, "/v1/AUTH_test/objs/meta.txt", null, new() { ["X-Object-Meta-Color"] = "grün" });
        using var after = await SendAsync(HttpMethod.Head, "/v1/AUTH_test/objs/meta.txt");

        Assert.That(put.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        Assert.That(Header(head, "X-Object-Meta-Fruit"), Is.EqualTo("café"));
        Assert.That(Header(head, "Content-Disposition"), Is.EqualTo("attachment"));
        Assert.That(head.Content.Headers.ContentLength, Is.EqualTo(1));
        Assert.That(Header(head, "Accept-Ranges"), Is.EqualTo("bytes"));
        Assert.That(post.StatusCode, Is.EqualTo(HttpStatusCode.Accepted));
        Assert.That(Header(after, "X-Object-Meta-Color"), Is.EqualTo("grün"));
        Assert.That(Header(after, "X-Object-Meta-Fruit"), Is.Null, "POST replaces object metadata, as Swift's fast-POST");
    }

    [Test]
    public async Task Put_XCopyFrom_SharesTheBlobAndKeepsMetadata()
    {
        using var put = await SendAsync(HttpMethod.Put, "/v1/AUTH_test/objs/src", new StringContent("source body"),
            new() { ["X-Object-Meta-Origin"] = "src" });
        var blobs = ProxyHttp.BlobFiles(_cluster).Count;

        using var copy = await SendAsync(HttpMethod.Put, "/v1/AUTH_test/objs/dst", new ByteArrayContent([]), new() { ["X-Copy-From"] = "/objs/src" });
        using var get = await SendAsync(HttpMethod.Get, "/v1/AUTH_test/objs/dst");

        Assert.That(copy.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        Assert.That(Header(copy, "X-Copied-From"), Is.EqualTo("objs/src"));
        Assert.That(await get.Content.ReadAsStringAsync(), Is.EqualTo("source body"));
        Assert.That(Header(get, "X-Object-Meta-Origin"), Is.EqualTo("src"));
        Assert.That(ProxyHttp.BlobFiles(_cluster), Has.Count.EqualTo(blobs), "a copy moves no bytes");
    }

    [Test]
    public async Task Put_XCopyFromMissingSource_Is404()
    {
        using var copy = await SendAsync(HttpMethod.Put, "/v1/AUTH_test/objs/dst2", new ByteArrayContent([]), new() { ["X-Copy-From"] = "objs/nothing" });

        Assert.That(copy.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    [Test]
    public async Task Delete_ThenGetAndDeleteAgain_Are404()
    {
        using var put = await SendAsync(HttpMethod.Put, "/v1/AUTH_test/objs/gone", new StringContent("x"));
        using var delete = await SendAsync(HttpMethod.Delete, "/v1/AUTH_test/objs/gone");
        using var get = await SendAsync(HttpMethod.Get, "/v1/AUTH_test/objs/gone");
        using var again = await SendAsync(HttpMethod.Delete, "/v1/AUTH_test/objs/gone");

        Assert.That(delete.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        Assert.That(get.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(again.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    [Test]
    public async Task Put_DeleteAfter_ShowsDeleteAtAndBadValueIs400()
    {
        using var put = await SendAsync(HttpMethod.Put, "/v1/AUTH_test/objs/expiring", new StringContent("x"), new() { ["X-Delete-After"] = "3600" });
        using var head = await SendAsync(HttpMethod.Head, "/v1/AUTH_test/objs/expiring");
        using var bad = await SendAsync(HttpMethod.Put, "/v1/AUTH_test/objs/bad-expiry", new StringContent("x"), new() { ["X-Delete-After"] = "soon" });

        Assert.That(put.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        var deleteAt = long.Parse(Header(head, "X-Delete-At")!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.That(deleteAt, Is.EqualTo(DateTimeOffset.UtcNow.ToUnixTimeSeconds() + 3600).Within(60));
        Assert.That(bad.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(await bad.Content.ReadAsStringAsync(), Is.EqualTo("Non-integer X-Delete-After"));
    }

    [Test]
    public async Task Put_NoContentType_IsGuessedFromName()
    {
        using var put = await SendAsync(HttpMethod.Put, "/v1/AUTH_test/objs/page.html", new ByteArrayContent("<p>"u8.ToArray()));
        using var head = await SendAsync(HttpMethod.Head, "/v1/AUTH_test/objs/page.html");

        Assert.That(head.Content.Headers.ContentType?.MediaType, Is.EqualTo("text/html"));
    }

    [Test]
    public async Task PutThenGet_ManyAtOnce_AllRoundTrip()
    {
        var names = Enumerable.Range(0, 64).Select(i => $"many/{i:D3}").ToList();

        var puts = await Task.WhenAll(names.Select(async n =>
        {
            using var r = await SendAsync(HttpMethod.Put, "/v1/AUTH_test/objs/" + n, new StringContent("body " + n));
            return r.StatusCode;
        }));
        var gets = await Task.WhenAll(names.Select(async n =>
        {
            using var r = await SendAsync(HttpMethod.Get, "/v1/AUTH_test/objs/" + n);
            return await r.Content.ReadAsStringAsync();
        }));

        Assert.That(puts, Is.All.EqualTo(HttpStatusCode.Created));
        Assert.That(gets, Is.EqualTo(names.Select(n => "body " + n)));
    }

    private Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, HttpContent? content = null, Dictionary<string, string>? headers = null) =>
        ProxyHttp.SendAsync(_cluster, method, path, _token, content, headers);

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values) ? values.First() : null;
}
