using System.Net;
using System.Net.Sockets;
using System.Text;
using CloudFs.EndToEndTests.Cluster;

namespace CloudFs.EndToEndTests.Proxy;

/// <summary>Bad names, bad tokens, other accounts, wrong ETags and short bodies get Swift's status and store nothing.</summary>
[Category("E2E")]
public class BadInputTests
{
    /// <summary>Internal headers a client has no business sending: an admin identity of someone else.</summary>
    private static readonly Dictionary<string, string> ForgedAdmin = new()
    {
        ["X-Backend-User-Type"] = "admin",
        ["X-Backend-User"] = "admin:admin",
        ["X-Backend-User-Id"] = "999999",
    };

    private CloudFsCluster _cluster = null!;
    private string _token = "";
    private string _otherToken = "";

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _cluster = new CloudFsCluster(extraUsers: [("test2:tester2", "testing2", "owner")]);
        await _cluster.StartAsync();
        _token = (await ProxyHttp.LoginAsync(_cluster, "test:tester", "testing")).Token;
        _otherToken = (await ProxyHttp.LoginAsync(_cluster, "test2:tester2", "testing2")).Token;
        using var created = await ProxyHttp.SendAsync(_cluster, HttpMethod.Put, "/v1/AUTH_test/box", _token);
        Assert.That((int)created.StatusCode, Is.EqualTo(201));
    }

    [OneTimeTearDown]
    public async Task StopAsync() => await _cluster.DisposeAsync();

    [Test]
    public async Task Get_WithoutToken_Is401WithRealm()
    {
        using var response = await ProxyHttp.SendAsync(_cluster, HttpMethod.Get, "/v1/AUTH_test/box", null);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(response.Headers.WwwAuthenticate.ToString(), Is.EqualTo("Swift realm=\"AUTH_test\""));
    }

    [Test]
    public async Task Get_UnknownToken_Is401()
    {
        using var response = await ProxyHttp.SendAsync(_cluster, HttpMethod.Get, "/v1/AUTH_test", "AUTH_tk0123456789abcdef0123456789abcdef");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
    }

    [Test]
    public async Task Requests_OwnerOfAnotherAccount_Are403()
    {
        using var head = await ProxyHttp.SendAsync(_cluster, HttpMethod.Head, "/v1/AUTH_test", _otherToken);
        using var put = await ProxyHttp.SendAsync(_cluster, HttpMethod.Put, "/v1/AUTH_test/box/intruder", _otherToken, new ByteArrayContent([1, 2, 3]));

        Assert.That(head.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That(put.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That(await StatusAsync(HttpMethod.Head, "/v1/AUTH_test/box/intruder"), Is.EqualTo(404));
    }

    [Test]
    public async Task Listing_AnonymousWithForgedAdminHeaders_GetsNoAdminView()
    {
        // A public container whose "secret/" directory the firewall hides from everyone but admins.
        using var put = await ProxyHttp.SendAsync(_cluster, HttpMethod.Put, "/v1/AUTH_test/open", _token, null,
            new Dictionary<string, string> { ["X-Container-Read"] = ".r:*,.rlistings" });
        Assert.That((int)put.StatusCode, Is.EqualTo(201));
        foreach (var name in new[] { "plain.txt", "secret/hidden.txt" })
        {
            using var obj = await ProxyHttp.SendAsync(_cluster, HttpMethod.Put, "/v1/AUTH_test/open/" + name, _token, new StringContent(name));
            Assert.That((int)obj.StatusCode, Is.EqualTo(201), name);
        }

        var adminToken = (await ProxyHttp.LoginAsync(_cluster, "admin:admin", _cluster.AdminPassword)).Token;
        using var hide = await ProxyHttp.SendAsync(_cluster, HttpMethod.Post, "/admin/firewall/AUTH_test/open/secret/?state=disabled", adminToken);
        Assert.That((int)hide.StatusCode, Is.EqualTo(204), await hide.Content.ReadAsStringAsync());

        // This request is allowed (public listing) and forwarded to a container server, which
        // would show hidden entries to a caller its X-Backend-User-Type calls an admin.
        var forged = await ListingAsync(null, ForgedAdmin);
        var asAdmin = await ListingAsync(adminToken, null);

        Assert.That(asAdmin, Does.Contain("secret/hidden.txt"), "the admin view differs, so the forgery would show");
        Assert.That(forged, Is.EqualTo(new[] { "plain.txt" }));
    }

    [Test]
    public async Task Write_OwnerWithForgedBackendHeaders_ActsAndIsRecordedAsItself()
    {
        // test2:tester2 owns AUTH_test2; in internal headers it claims to be another user, an admin.
        using var clean = await ProxyHttp.SendAsync(_cluster, HttpMethod.Put, "/v1/AUTH_test2/clean", _otherToken);
        using var forged = await ProxyHttp.SendAsync(_cluster, HttpMethod.Put, "/v1/AUTH_test2/forged", _otherToken, null, ForgedAdmin);
        using var intoTest = await ProxyHttp.SendAsync(_cluster, HttpMethod.Put, "/v1/AUTH_test/theirs", _otherToken, null, ForgedAdmin);
        using var records = await ProxyHttp.SendAsync(_cluster, HttpMethod.Get, "/v1/AUTH_test2?records&action=container.create&limit=100", _otherToken);
        var body = await records.Content.ReadAsStringAsync();
        var rows = System.Text.Json.Nodes.JsonNode.Parse(body)!.AsArray();
        long? UserOf(string container) => (long?)rows.SingleOrDefault(r => (string?)r!["path"] == "/" + container)?["user_id"];

        Assert.That((int)clean.StatusCode, Is.EqualTo(201));
        Assert.That((int)forged.StatusCode, Is.EqualTo(201));
        Assert.That(intoTest.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden), "no admin power over another account");
        Assert.That(await StatusAsync(HttpMethod.Head, "/v1/AUTH_test/theirs"), Is.EqualTo(404));
        Assert.That(records.StatusCode, Is.EqualTo(HttpStatusCode.OK), body);
        Assert.That(UserOf("clean"), Is.Not.Null, body);
        Assert.That(UserOf("forged"), Is.EqualTo(UserOf("clean")), "recorded as the token's user, not the forged id");
    }

    private async Task<List<string>> ListingAsync(string? token, IReadOnlyDictionary<string, string>? headers)
    {
        using var list = await ProxyHttp.SendAsync(_cluster, HttpMethod.Get, "/v1/AUTH_test/open?format=json", token, null, headers);
        Assert.That((int)list.StatusCode, Is.EqualTo(200), await list.Content.ReadAsStringAsync());
        return System.Text.Json.Nodes.JsonNode.Parse(await list.Content.ReadAsStringAsync())!.AsArray().Select(n => (string)n!["name"]!).ToList();
    }

    [Test]
    public async Task ContainerAcls_GrantReadToOtherUserAndPublic()
    {
        using var put = await ProxyHttp.SendAsync(_cluster, HttpMethod.Put, "/v1/AUTH_test/shared", _token, null,
            new Dictionary<string, string> { ["X-Container-Read"] = ".r:*,test2:tester2" });
        Assert.That((int)put.StatusCode, Is.EqualTo(201));
        using var obj = await ProxyHttp.SendAsync(_cluster, HttpMethod.Put, "/v1/AUTH_test/shared/hello.txt", _token, new StringContent("hi"));
        Assert.That((int)obj.StatusCode, Is.EqualTo(201));

        using var anonymous = await ProxyHttp.SendAsync(_cluster, HttpMethod.Get, "/v1/AUTH_test/shared/hello.txt", null);
        Assert.That(anonymous.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(await anonymous.Content.ReadAsStringAsync(), Is.EqualTo("hi"));
        Assert.That(await StatusAsync(HttpMethod.Get, "/v1/AUTH_test/shared", token: null), Is.EqualTo(401), "no .rlistings");
        Assert.That(await StatusAsync(HttpMethod.Get, "/v1/AUTH_test/shared", token: _otherToken), Is.EqualTo(200), "named user may list");
        Assert.That(await StatusAsync(HttpMethod.Delete, "/v1/AUTH_test/shared/hello.txt", token: _otherToken), Is.EqualTo(403));
    }

    [Test]
    public async Task Put_WrongEtag_Is422AndStoresNothing()
    {
        var blobsBefore = ProxyHttp.BlobFiles(_cluster).Count;
        using var put = await ProxyHttp.SendAsync(_cluster, HttpMethod.Put, "/v1/AUTH_test/box/etag", _token, new StringContent("hello"),
            new Dictionary<string, string> { ["ETag"] = "00000000000000000000000000000000" });

        Assert.That((int)put.StatusCode, Is.EqualTo(422));
        Assert.That(await StatusAsync(HttpMethod.Head, "/v1/AUTH_test/box/etag"), Is.EqualTo(404));
        Assert.That(ProxyHttp.BlobFiles(_cluster), Has.Count.EqualTo(blobsBefore));
    }

    [Test]
    public async Task Put_RightEtag_Is201WithEtagAndLastModified()
    {
        using var put = await ProxyHttp.SendAsync(_cluster, HttpMethod.Put, "/v1/AUTH_test/box/good", _token, new StringContent("hello"),
            new Dictionary<string, string> { ["ETag"] = "\"5d41402abc4b2a76b9719d911017c592\"" });

        Assert.That((int)put.StatusCode, Is.EqualTo(201));
        Assert.That(put.Headers.GetValues("ETag").Single().Trim('"'), Is.EqualTo("5d41402abc4b2a76b9719d911017c592"));
        Assert.That(put.Content.Headers.LastModified, Is.Not.Null);
        Assert.That(put.Headers.GetValues("X-Trans-Id").Single(), Does.StartWith("tx"));
    }

    [Test]
    public async Task Put_ShortBody_StoresNothing()
    {
        var blobsBefore = ProxyHttp.BlobFiles(_cluster).Count;
        using (var tcp = new TcpClient())
        {
            await tcp.ConnectAsync(_cluster.Address, 7010);
            var stream = tcp.GetStream();
            var head = $"PUT /v1/AUTH_test/box/short HTTP/1.1\r\nHost: {_cluster.Address}\r\nX-Auth-Token: {_token}\r\nContent-Length: 100000\r\n\r\n";
            await stream.WriteAsync(Encoding.ASCII.GetBytes(head));
            await stream.WriteAsync(new byte[1000]);
            await stream.FlushAsync();

            // End the body early, then wait until the proxy has finished with the request and
            // closed the connection: from then on nothing more can be stored for it.
            tcp.Client.Shutdown(SocketShutdown.Send);
            using var closed = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            var sink = new byte[4096];
            try
            {
                while (await stream.ReadAsync(sink, closed.Token) > 0)
                {
                }
            }
            catch (IOException ex) when (ex.InnerException is SocketException { SocketErrorCode: SocketError.ConnectionReset })
            {
                // Kestrel may abort a connection whose body ended early (a reset with the rest of
                // the request unread): that too is the proxy done with it.
            }
        }

        Assert.That(await StatusAsync(HttpMethod.Head, "/v1/AUTH_test/box/short"), Is.EqualTo(404));
        Assert.That(ProxyHttp.BlobFiles(_cluster), Has.Count.EqualTo(blobsBefore));
    }

    [Test]
    public async Task Put_NoLength_Is411()
    {
        // HttpClient always sends a length on PUT; a raw request can leave it out.
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(_cluster.Address, 7010);
        var stream = tcp.GetStream();
        var head = $"PUT /v1/AUTH_test/box/nolength HTTP/1.1\r\nHost: {_cluster.Address}\r\nX-Auth-Token: {_token}\r\nConnection: close\r\n\r\n";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head));
        var answer = await new StreamReader(stream, Encoding.ASCII).ReadLineAsync();

        Assert.That(answer, Does.StartWith("HTTP/1.1 411"));
        Assert.That(await StatusAsync(HttpMethod.Head, "/v1/AUTH_test/box/nolength"), Is.EqualTo(404));
    }

    [TestCase("/v1/AUTH_test/box/%FF", 412, "Invalid UTF8 or contains NULL")]
    [TestCase("/v1/AUTH_test/box/a%00b", 400, null)] // Kestrel itself refuses an encoded NUL in the target.
    [TestCase("/v1", 412, "Bad URL")]
    [TestCase("/v2/AUTH_test", 400, null)]
    public async Task Put_BadPath_IsRejected(string path, int status, string? message)
    {
        using var response = await ProxyHttp.SendAsync(_cluster, HttpMethod.Put, path, _token, new StringContent("x"));

        Assert.That((int)response.StatusCode, Is.EqualTo(status));
        if (message is not null)
        {
            Assert.That(await response.Content.ReadAsStringAsync(), Is.EqualTo(message));
        }
    }

    [Test]
    public async Task Put_ObjectNameTooLong_Is400AndNothingStored()
    {
        var name = new string('n', 1025);
        using var response = await ProxyHttp.SendAsync(_cluster, HttpMethod.Put, "/v1/AUTH_test/box/" + name, _token, new StringContent("x"));

        Assert.That((int)response.StatusCode, Is.EqualTo(400));
        Assert.That(await response.Content.ReadAsStringAsync(), Is.EqualTo("Object name length of 1025 longer than 1024"));
    }

    [Test]
    public async Task Put_MissingContainer_Is404()
    {
        Assert.That(await StatusAsync(HttpMethod.Put, "/v1/AUTH_test/nobox/o", content: new StringContent("x")), Is.EqualTo(404));
    }

    [Test]
    public async Task Get_ConditionalAndRange_AnsweredLikeSwift()
    {
        using var put = await ProxyHttp.SendAsync(_cluster, HttpMethod.Put, "/v1/AUTH_test/box/cond", _token, new StringContent("0123456789"));
        var etag = put.Headers.GetValues("ETag").Single().Trim('"');

        using var notModified = await ProxyHttp.SendAsync(_cluster, HttpMethod.Get, "/v1/AUTH_test/box/cond", _token, null,
            new Dictionary<string, string> { ["If-None-Match"] = $"\"{etag}\"" });
        using var failed = await ProxyHttp.SendAsync(_cluster, HttpMethod.Get, "/v1/AUTH_test/box/cond", _token, null,
            new Dictionary<string, string> { ["If-Match"] = "\"nope\"" });
        using var range = await ProxyHttp.SendAsync(_cluster, HttpMethod.Get, "/v1/AUTH_test/box/cond", _token, null,
            new Dictionary<string, string> { ["Range"] = "bytes=2-4" });
        using var exists = await ProxyHttp.SendAsync(_cluster, HttpMethod.Put, "/v1/AUTH_test/box/cond", _token, new StringContent("again"),
            new Dictionary<string, string> { ["If-None-Match"] = "*" });

        Assert.That((int)notModified.StatusCode, Is.EqualTo(304));
        Assert.That((int)failed.StatusCode, Is.EqualTo(412));
        Assert.That((int)range.StatusCode, Is.EqualTo(206));
        Assert.That(await range.Content.ReadAsStringAsync(), Is.EqualTo("234"));
        Assert.That(range.Content.Headers.ContentRange?.ToString(), Is.EqualTo("bytes 2-4/10"));
        Assert.That((int)exists.StatusCode, Is.EqualTo(412));
    }

    [Test]
    public async Task Info_IsPublicSwiftCapabilities()
    {
        using var response = await ProxyHttp.SendAsync(_cluster, HttpMethod.Get, "/info", null);
        var json = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        Assert.That(json.GetProperty("swift").GetProperty("container_listing_limit").GetInt32(), Is.EqualTo(10000));
        Assert.That(json.GetProperty("swift").GetProperty("max_object_name_length").GetInt32(), Is.EqualTo(1024));
    }

    private async Task<int> StatusAsync(HttpMethod method, string path, HttpContent? content = null, string? token = "")
    {
        using var response = await ProxyHttp.SendAsync(_cluster, method, path, token == "" ? _token : token, content);
        return (int)response.StatusCode;
    }
}
