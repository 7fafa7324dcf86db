using System.Net;
using CloudFs.EndToEndTests.Cluster;

namespace CloudFs.EndToEndTests.Proxy;

/// <summary>CORS through a real cluster: preflights and actual answers as Swift 2.30 gives them.</summary>
[Category("E2E")]
public class CorsTests
{
    private CloudFsCluster _cluster = null!;
    private string _token = "";

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _cluster = new CloudFsCluster();
        await _cluster.StartAsync(new Dictionary<string, string>
        {
            ["CLOUDFS_Proxy__Cors__AllowOrigin"] = "http://conf.example",
            ["CLOUDFS_Proxy__Cors__ExposeHeaders"] = "X-Foo, X-Bar",
        });
        _token = (await ProxyHttp.LoginAsync(_cluster, "test:tester", "testing")).Token;
        await ExpectAsync(HttpMethod.Put, "/v1/AUTH_test/c1", 201, new()
        {
            ["X-Container-Meta-Access-Control-Allow-Origin"] = "http://a.example http://b.example",
            ["X-Container-Meta-Access-Control-Max-Age"] = "600",
            ["X-Container-Meta-Access-Control-Expose-Headers"] = "X-Custom  Other",
        });
        await ExpectAsync(HttpMethod.Put, "/v1/AUTH_test/cstar", 201, new() { ["X-Container-Meta-Access-Control-Allow-Origin"] = "*" });
        await ExpectAsync(HttpMethod.Put, "/v1/AUTH_test/cplain", 201, new());
        using var put = await ProxyHttp.SendAsync(_cluster, HttpMethod.Put, "/v1/AUTH_test/c1/o1", _token, new StringContent("hello"),
            new Dictionary<string, string> { ["X-Object-Meta-Color"] = "red" });
        Assert.That((int)put.StatusCode, Is.EqualTo(201));
    }

    [OneTimeTearDown]
    public async Task StopAsync() => await _cluster.DisposeAsync();

    [Test]
    public async Task Options_WithoutOrigin_Is200WithAllow()
    {
        using var account = await OptionsAsync("/v1/AUTH_test", new());
        using var obj = await OptionsAsync("/v1/AUTH_test/c1/o1", new());

        Assert.That((int)account.StatusCode, Is.EqualTo(200));
        Assert.That(Header(account, "Allow"), Is.EqualTo("HEAD, OPTIONS, GET, PUT, POST, DELETE"));
        Assert.That(account.Content.Headers.ContentType?.ToString(), Is.EqualTo("text/html; charset=UTF-8"));
        Assert.That(Header(obj, "Allow"), Is.EqualTo("HEAD, OPTIONS, GET, PUT, POST, DELETE, COPY"));
    }

    [Test]
    public async Task Preflight_AllowedOrigin_Is200WithCorsHeaders()
    {
        using var response = await OptionsAsync("/v1/AUTH_test/c1/o1", new()
        {
            ["Origin"] = "http://a.example",
            ["Access-Control-Request-Method"] = "PUT",
            ["Access-Control-Request-Headers"] = "x-auth-token",
        });

        Assert.That((int)response.StatusCode, Is.EqualTo(200));
        Assert.That(Header(response, "Access-Control-Allow-Origin"), Is.EqualTo("http://a.example"));
        Assert.That(Header(response, "Vary"), Is.EqualTo("Origin, Access-Control-Request-Headers"));
        Assert.That(Header(response, "Access-Control-Max-Age"), Is.EqualTo("600"));
        Assert.That(Header(response, "Access-Control-Allow-Methods"), Is.EqualTo("HEAD, OPTIONS, GET, PUT, POST, DELETE, COPY"));
        Assert.That(Header(response, "Access-Control-Allow-Headers"), Is.EqualTo("x-auth-token"));
    }

    [Test]
    public async Task Preflight_StarContainerAndConfiguredOrigin_Are200()
    {
        using var star = await OptionsAsync("/v1/AUTH_test/cstar/x", new() { ["Origin"] = "http://x.example", ["Access-Control-Request-Method"] = "DELETE" });
        using var conf = await OptionsAsync("/v1/AUTH_test/cplain", new() { ["Origin"] = "http://conf.example", ["Access-Control-Request-Method"] = "GET" });

        Assert.That((int)star.StatusCode, Is.EqualTo(200));
        Assert.That(Header(star, "Access-Control-Allow-Origin"), Is.EqualTo("*"));
        Assert.That((int)conf.StatusCode, Is.EqualTo(200));
        Assert.That(Header(conf, "Access-Control-Allow-Origin"), Is.EqualTo("http://conf.example"));
    }

    [TestCase("/v1/AUTH_test/c1/o1", "http://evil.example", "GET")]
    [TestCase("/v1/AUTH_test/c1/o1", "http://a.example", null)]
    [TestCase("/v1/AUTH_test/c1/o1", "http://a.example", "COPY")]
    [TestCase("/v1/AUTH_test/cplain/o1", "http://a.example", "GET")]
    [TestCase("/v1/AUTH_test/nocontainer/o1", "http://x.example", "GET")]
    public async Task Preflight_Refused_Is401WithSwiftsBody(string path, string origin, string? method)
    {
        var headers = new Dictionary<string, string> { ["Origin"] = origin };
        if (method is not null)
        {
            headers["Access-Control-Request-Method"] = method;
        }

        using var response = await OptionsAsync(path, headers);

        Assert.That((int)response.StatusCode, Is.EqualTo(401));
        Assert.That(Header(response, "Allow"), Is.EqualTo("HEAD, OPTIONS, GET, PUT, POST, DELETE"));
        Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain("<h1>Unauthorized</h1>"));
        Assert.That(Header(response, "Access-Control-Allow-Origin"), Is.Null);
    }

    [Test]
    public async Task Get_AllowedOrigin_ExposesHeadersAndEchoesOrigin()
    {
        using var response = await ProxyHttp.SendAsync(_cluster, HttpMethod.Get, "/v1/AUTH_test/c1/o1", _token, null,
            new Dictionary<string, string> { ["Origin"] = "http://a.example" });

        Assert.That((int)response.StatusCode, Is.EqualTo(200));
        Assert.That(Header(response, "Access-Control-Allow-Origin"), Is.EqualTo("http://a.example"));
        Assert.That(Header(response, "Vary"), Is.EqualTo("Origin"));
        Assert.That(Header(response, "Access-Control-Expose-Headers")!.Split(", "), Is.EquivalentTo(new[]
        {
            "cache-control", "content-language", "content-type", "expires", "last-modified", "pragma", "etag", "x-timestamp",
            "x-trans-id", "x-openstack-request-id", "X-Foo", "X-Bar", "x-object-meta-color", "x-custom", "other",
        }));
    }

    [Test]
    public async Task Errors_AllowedOrigin_CarryCorsHeadersToo()
    {
        var origin = new Dictionary<string, string> { ["Origin"] = "http://a.example" };
        using var missing = await ProxyHttp.SendAsync(_cluster, HttpMethod.Get, "/v1/AUTH_test/c1/missing", _token, null, origin);
        using var anonymous = await ProxyHttp.SendAsync(_cluster, HttpMethod.Get, "/v1/AUTH_test/c1/o1", null, null, origin);
        using var badDeleteAt = await ProxyHttp.SendAsync(_cluster, HttpMethod.Put, "/v1/AUTH_test/c1/o4", _token, new StringContent("x"),
            new Dictionary<string, string> { ["Origin"] = "http://a.example", ["X-Delete-At"] = "bad" });

        foreach (var (response, status) in new[] { (missing, 404), (anonymous, 401), (badDeleteAt, 400) })
        {
            Assert.That((int)response.StatusCode, Is.EqualTo(status));
            Assert.That(Header(response, "Access-Control-Allow-Origin"), Is.EqualTo("http://a.example"), status.ToString());
        }

        Assert.That(await StatusAsync("/v1/AUTH_test/c1/o4"), Is.EqualTo(404), "the refused PUT stored nothing");
    }

    [Test]
    public async Task Requests_UnknownOriginOrAccountLevel_GetNoCorsHeaders()
    {
        using var evil = await ProxyHttp.SendAsync(_cluster, HttpMethod.Get, "/v1/AUTH_test/c1/o1", _token, null,
            new Dictionary<string, string> { ["Origin"] = "http://evil.example" });
        using var account = await ProxyHttp.SendAsync(_cluster, HttpMethod.Head, "/v1/AUTH_test", _token, null,
            new Dictionary<string, string> { ["Origin"] = "http://a.example" });
        using var badToken = await ProxyHttp.SendAsync(_cluster, HttpMethod.Get, "/v1/AUTH_test/c1/o1", "AUTH_tk0123456789abcdef0123456789abcdef", null,
            new Dictionary<string, string> { ["Origin"] = "http://a.example" });

        Assert.That((int)evil.StatusCode, Is.EqualTo(200));
        Assert.That(Header(evil, "Access-Control-Allow-Origin"), Is.Null);
        Assert.That(Header(account, "Access-Control-Allow-Origin"), Is.Null);
        Assert.That((int)badToken.StatusCode, Is.EqualTo(401));
        Assert.That(Header(badToken, "Access-Control-Allow-Origin"), Is.Null);
    }

    [Test]
    public async Task ContainerHead_StarContainer_AnswersStar()
    {
        using var response = await ProxyHttp.SendAsync(_cluster, HttpMethod.Head, "/v1/AUTH_test/cstar", _token, null,
            new Dictionary<string, string> { ["Origin"] = "http://x.example" });

        Assert.That((int)response.StatusCode, Is.EqualTo(204));
        Assert.That(Header(response, "Access-Control-Allow-Origin"), Is.EqualTo("*"));
        Assert.That(Header(response, "Access-Control-Expose-Headers"), Does.Contain("x-container-meta-access-control-allow-origin"));
    }

    [Test]
    public async Task Info_ShowsStrictCorsMode()
    {
        using var response = await _cluster.Http.GetAsync(_cluster.Url("proxy", "/info"));
        var info = System.Text.Json.Nodes.JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        Assert.That(info["swift"]!["strict_cors_mode"]!.GetValue<bool>(), Is.True);
    }

    private async Task<HttpResponseMessage> OptionsAsync(string path, Dictionary<string, string> headers) =>
        await ProxyHttp.SendAsync(_cluster, HttpMethod.Options, path, null, null, headers);

    private async Task<int> StatusAsync(string path)
    {
        using var response = await ProxyHttp.SendAsync(_cluster, HttpMethod.Head, path, _token);
        return (int)response.StatusCode;
    }

    private async Task ExpectAsync(HttpMethod method, string path, int status, Dictionary<string, string> headers)
    {
        using var response = await ProxyHttp.SendAsync(_cluster, method, path, _token, null, headers);
        Assert.That((int)response.StatusCode, Is.EqualTo(status), path);
    }

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values)
            ? string.Join(", ", values)
            : null;
}
