using System.Net;
using System.Security.Cryptography;
using System.Text;
using CloudFs.EndToEndTests.Cluster;
using CloudFs.EndToEndTests.Proxy;

namespace CloudFs.EndToEndTests.Middleware;

/// <summary>
/// Temp URLs through a real cluster, without a token: what a good signature grants, and the
/// 401/400 Swift 2.30.1 answered (checked against it) for everything else, storing nothing.
/// </summary>
[Category("E2E")]
public class TempUrlTests
{
    private const string Invalid = "401 Unauthorized: Temp URL invalid\n";
    private CloudFsCluster _cluster = null!;
    private string _token = "";
    private long _expires;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _cluster = new CloudFsCluster();
        await _cluster.StartAsync();
        _token = (await ProxyHttp.LoginAsync(_cluster, "test:tester", "testing")).Token;
        _expires = DateTimeOffset.UtcNow.ToUnixTimeSeconds() + 600;
        await OkAsync(HttpMethod.Put, "/v1/AUTH_test/box", null);
        await OkAsync(HttpMethod.Put, "/v1/AUTH_test/box/o.txt", new StringContent("hello"), new()
        {
            ["X-Object-Meta-Color"] = "red",
            ["X-Object-Meta-Public-Note"] = "hi",
            ["Content-Type"] = "text/plain",
        });
        await OkAsync(HttpMethod.Put, "/v1/AUTH_test/box/dir/a b.txt", new StringContent("abc"));
        await OkAsync(HttpMethod.Put, "/v1/AUTH_test/keyed", null, new() { ["X-Container-Meta-Temp-URL-Key"] = "ckey" });
        await OkAsync(HttpMethod.Put, "/v1/AUTH_test/keyed/x", new StringContent("xx"));
        // Set right before use: the proxy must not answer from a stale metadata cache.
        await OkAsync(HttpMethod.Post, "/v1/AUTH_test", null, new() { ["X-Account-Meta-Temp-URL-Key"] = "secret" });
    }

    [OneTimeTearDown]
    public async Task StopAsync() => await _cluster.DisposeAsync();

    [Test]
    public async Task Get_GoodSignature_ServesTheObjectAsAnAttachment_WithoutPrivateMeta()
    {
        using var response = await SendAsync(HttpMethod.Get, "/v1/AUTH_test/box/o.txt", Query(Sign("GET", "/v1/AUTH_test/box/o.txt")));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(await response.Content.ReadAsStringAsync(), Is.EqualTo("hello"));
        Assert.That(response.Content.Headers.GetValues("Content-Disposition").Single(), Is.EqualTo("attachment; filename=\"o.txt\"; filename*=UTF-8''o.txt"));
        Assert.That(response.Content.Headers.Expires, Is.EqualTo(DateTimeOffset.FromUnixTimeSeconds(_expires)));
        Assert.That(response.Headers.Contains("X-Object-Meta-Color"), Is.False);
        Assert.That(response.Headers.GetValues("X-Object-Meta-Public-Note").Single(), Is.EqualTo("hi"));
    }

    [Test]
    public async Task Get_Sha512Base64AndSha1AndIsoExpiry_AreAccepted()
    {
        var path = "/v1/AUTH_test/box/o.txt";
        var b64 = Convert.ToBase64String(Convert.FromHexString(Sign("GET", path, digest: "sha512"))).Replace('+', '-').Replace('/', '_').TrimEnd('=');
        var iso = DateTimeOffset.FromUnixTimeSeconds(_expires).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);

        using var sha512 = await SendAsync(HttpMethod.Get, path, Query("sha512:" + b64));
        using var sha1 = await SendAsync(HttpMethod.Get, path, Query(Sign("GET", path, digest: "sha1")));
        using var isoExpiry = await SendAsync(HttpMethod.Get, path, $"?temp_url_sig={Sign("GET", path)}&temp_url_expires={iso}");

        Assert.That(new[] { sha512.StatusCode, sha1.StatusCode, isoExpiry.StatusCode }, Is.All.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task Head_WithAGetSignature_IsAllowed_AndInlineFilenameShapeTheDisposition()
    {
        var path = "/v1/AUTH_test/box/o.txt";
        using var head = await SendAsync(HttpMethod.Head, path, Query(Sign("GET", path)));
        using var inline = await SendAsync(HttpMethod.Get, path, Query(Sign("GET", path)) + "&inline");
        using var named = await SendAsync(HttpMethod.Get, path, Query(Sign("GET", path)) + "&filename=my%20file.txt");

        Assert.That(head.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(inline.Content.Headers.GetValues("Content-Disposition").Single(), Is.EqualTo("inline"));
        Assert.That(named.Content.Headers.GetValues("Content-Disposition").Single(), Is.EqualTo("attachment; filename=\"my file.txt\"; filename*=UTF-8''my%20file.txt"));
    }

    [TestCase("wrong signature")]
    [TestCase("expired")]
    [TestCase("signed for PUT")]
    [TestCase("signed with another key")]
    [TestCase("disallowed digest length")]
    [TestCase("outside the ip range")]
    public async Task Get_BadTempUrl_IsSwifts401(string why)
    {
        var path = "/v1/AUTH_test/box/o.txt";
        var query = why switch
        {
            "wrong signature" => Query(new string('0', 64)),
            "expired" => $"?temp_url_sig={Sign("GET", path, expires: 100)}&temp_url_expires=100",
            "signed for PUT" => Query(Sign("PUT", path)),
            "signed with another key" => Query(Sign("GET", path, key: "guess")),
            "disallowed digest length" => Query(Sign("GET", path)[..50]),
            _ => Query(Sign("GET", path, ipRange: "10.0.0.0/8")) + "&temp_url_ip_range=10.0.0.0/8",
        };

        using var response = await SendAsync(HttpMethod.Get, path, query);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized), why);
        Assert.That(await response.Content.ReadAsStringAsync(), Is.EqualTo(Invalid));
        Assert.That(response.Headers.WwwAuthenticate.ToString(), Is.EqualTo("Swift realm=\"unknown\""));
    }

    [Test]
    public async Task Put_GoodSignature_Stores_ButNotWithAManifestOrAWrongSignature()
    {
        var path = "/v1/AUTH_test/box/uploaded.txt";
        using var bad = await SendAsync(HttpMethod.Put, path, Query(Sign("GET", path)), new StringContent("x"));
        using var manifest = await SendAsync(HttpMethod.Put, path, Query(Sign("PUT", path)), new StringContent("x"), new() { ["X-Object-Manifest"] = "box/o" });
        var afterRefusals = await StatusAsync(HttpMethod.Head, path);
        using var good = await SendAsync(HttpMethod.Put, path, Query(Sign("PUT", path)), new StringContent("up"), new() { ["X-Object-Meta-Color"] = "blue" });
        using var stored = await ProxyHttp.SendAsync(_cluster, HttpMethod.Get, path, _token);

        Assert.That(bad.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(manifest.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(await manifest.Content.ReadAsStringAsync(), Is.EqualTo("The header 'X-Object-Manifest' is not allowed in this tempurl"));
        Assert.That(afterRefusals, Is.EqualTo(404));
        Assert.That(good.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        Assert.That(await stored.Content.ReadAsStringAsync(), Is.EqualTo("up"));
        Assert.That(stored.Headers.GetValues("X-Object-Meta-Color").Single(), Is.EqualTo("blue"));
    }

    [Test]
    public async Task Delete_WithAGetSignature_Is401_AndTheObjectStays()
    {
        var path = "/v1/AUTH_test/box/o.txt";
        using var response = await SendAsync(HttpMethod.Delete, path, Query(Sign("GET", path)));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(await StatusAsync(HttpMethod.Head, path), Is.EqualTo(200));
    }

    [Test]
    public async Task Prefix_CoversObjectsUnderIt_Only()
    {
        var signed = "prefix:/v1/AUTH_test/box/dir/";
        var query = Query(Sign("GET", signed)) + "&temp_url_prefix=dir/";
        using var inside = await SendAsync(HttpMethod.Get, "/v1/AUTH_test/box/dir/a%20b.txt", query);
        using var outside = await SendAsync(HttpMethod.Get, "/v1/AUTH_test/box/o.txt", query);

        Assert.That(inside.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(inside.Content.Headers.GetValues("Content-Disposition").Single(), Is.EqualTo("attachment; filename=\"a b.txt\"; filename*=UTF-8''a%20b.txt"));
        Assert.That(outside.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
    }

    [Test]
    public async Task ContainerKey_SignsForItsContainer_AndContainerUrlsAreNotTempUrls()
    {
        using var keyed = await SendAsync(HttpMethod.Get, "/v1/AUTH_test/keyed/x", Query(Sign("GET", "/v1/AUTH_test/keyed/x", key: "ckey")));
        using var otherContainer = await SendAsync(HttpMethod.Get, "/v1/AUTH_test/box/o.txt", Query(Sign("GET", "/v1/AUTH_test/box/o.txt", key: "ckey")));
        using var listing = await SendAsync(HttpMethod.Get, "/v1/AUTH_test/box", Query(Sign("GET", "/v1/AUTH_test/box")));

        Assert.That(keyed.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(otherContainer.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(listing.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(await listing.Content.ReadAsStringAsync(), Is.EqualTo(Invalid));
    }

    private string Sign(string method, string path, string key = "secret", string digest = "sha256", long? expires = null, string? ipRange = null)
    {
        var message = $"{method}\n{expires ?? _expires}\n{path}";
        if (ipRange is not null)
        {
            message = $"ip={ipRange}\n{message}";
        }

        var bytes = Encoding.UTF8.GetBytes(message);
        var k = Encoding.UTF8.GetBytes(key);
        return Convert.ToHexStringLower(digest switch
        {
            "sha1" => HMACSHA1.HashData(k, bytes),
            "sha512" => HMACSHA512.HashData(k, bytes),
            _ => HMACSHA256.HashData(k, bytes),
        });
    }

    private string Query(string signature) => $"?temp_url_sig={Uri.EscapeDataString(signature)}&temp_url_expires={_expires}";

    private Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string query, HttpContent? content = null, Dictionary<string, string>? headers = null) =>
        ProxyHttp.SendAsync(_cluster, method, path + query, null, content, headers);

    private async Task<int> StatusAsync(HttpMethod method, string path)
    {
        using var response = await ProxyHttp.SendAsync(_cluster, method, path, _token);
        return (int)response.StatusCode;
    }

    private async Task OkAsync(HttpMethod method, string path, HttpContent? content, Dictionary<string, string>? headers = null)
    {
        using var response = await ProxyHttp.SendAsync(_cluster, method, path.Replace(" ", "%20", StringComparison.Ordinal), _token, content, headers);
        Assert.That((int)response.StatusCode, Is.InRange(200, 299), $"{method} {path}");
    }
}
