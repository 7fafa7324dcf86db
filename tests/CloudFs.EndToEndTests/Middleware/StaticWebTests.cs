using System.Net;
using CloudFs.EndToEndTests.Cluster;
using CloudFs.EndToEndTests.Proxy;

namespace CloudFs.EndToEndTests.Middleware;

/// <summary>
/// Public containers set up as web sites, read anonymously (or with X-Web-Mode) through a real
/// cluster; statuses, redirects and pages as Swift 2.30.1 answered them for the same containers.
/// </summary>
[Category("E2E")]
public class StaticWebTests
{
    private CloudFsCluster _cluster = null!;
    private string _token = "";

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _cluster = new CloudFsCluster();
        await _cluster.StartAsync();
        _token = (await ProxyHttp.LoginAsync(_cluster, "test:tester", "testing")).Token;
        await PutAsync("/site", new()
        {
            ["X-Container-Read"] = ".r:*,.rlistings",
            ["X-Container-Meta-Web-Index"] = "index.html",
            ["X-Container-Meta-Web-Error"] = "error.html",
        });
        foreach (var (name, body) in new[] { ("index.html", "<p>root</p>"), ("sub/index.html", "<p>sub</p>"), ("404error.html", "<p>custom 404</p>"), ("other/y.txt", "y") })
        {
            await PutAsync("/site/" + name, new() { ["Content-Type"] = "text/html" }, body);
        }

        await PutAsync("/list", new() { ["X-Container-Read"] = ".r:*,.rlistings", ["X-Container-Meta-Web-Listings"] = "true" });
        await PutAsync("/list/a.txt", new() { ["Content-Type"] = "text/plain" }, new string('a', 3000));
        await PutAsync("/list/d/b.txt", new() { ["Content-Type"] = "text/plain" }, "b");
        await PutAsync("/list/marker", new() { ["Content-Type"] = "application/directory" }, "");
        await PutAsync("/private", new() { ["X-Container-Meta-Web-Index"] = "index.html" });
        await PutAsync("/private/index.html", new() { ["Content-Type"] = "text/html" }, "<p>secret</p>");
    }

    [OneTimeTearDown]
    public async Task StopAsync() => await _cluster.DisposeAsync();

    [Test]
    public async Task Container_RedirectsToTheSlash_ThenServesTheIndex()
    {
        using var bare = await GetAsync("/v1/AUTH_test/site");
        using var index = await GetAsync("/v1/AUTH_test/site/");
        using var subBare = await GetAsync("/v1/AUTH_test/site/sub");
        using var sub = await GetAsync("/v1/AUTH_test/site/sub/");

        Assert.That(bare.StatusCode, Is.EqualTo(HttpStatusCode.MovedPermanently));
        Assert.That(bare.Headers.Location?.ToString(), Is.EqualTo(_cluster.Url("proxy", "/v1/AUTH_test/site/").ToString()));
        Assert.That(await index.Content.ReadAsStringAsync(), Is.EqualTo("<p>root</p>"));
        Assert.That(subBare.StatusCode, Is.EqualTo(HttpStatusCode.MovedPermanently));
        Assert.That(await sub.Content.ReadAsStringAsync(), Is.EqualTo("<p>sub</p>"));
    }

    [Test]
    public async Task Missing_IsTheCustomErrorPage_With404()
    {
        using var missing = await GetAsync("/v1/AUTH_test/site/missing.txt");
        using var noIndexDir = await GetAsync("/v1/AUTH_test/site/other/");

        Assert.That(missing.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(await missing.Content.ReadAsStringAsync(), Is.EqualTo("<p>custom 404</p>"));
        Assert.That(noIndexDir.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(await noIndexDir.Content.ReadAsStringAsync(), Is.EqualTo("<p>custom 404</p>"));
    }

    [Test]
    public async Task Listings_AreHtml_AndDirectoryMarkersAreNotFound()
    {
        using var root = await GetAsync("/v1/AUTH_test/list/");
        using var dir = await GetAsync("/v1/AUTH_test/list/d/");
        using var dirBare = await GetAsync("/v1/AUTH_test/list/d");
        using var marker = await GetAsync("/v1/AUTH_test/list/marker");
        using var nothing = await GetAsync("/v1/AUTH_test/list/nope/");
        var rootPage = await root.Content.ReadAsStringAsync();

        Assert.That(root.Content.Headers.ContentType?.ToString(), Is.EqualTo("text/html; charset=UTF-8"));
        Assert.That(rootPage, Does.Contain("<title>Listing of /v1/AUTH_test/list/</title>"));
        Assert.That(rootPage, Does.Contain("<td class=\"colname\"><a href=\"d/\">d/</a></td>"));
        Assert.That(rootPage, Does.Contain("<td class=\"colname\"><a href=\"a.txt\">a.txt</a></td>\n    <td class=\"colsize\">3Ki</td>"));
        Assert.That(await dir.Content.ReadAsStringAsync(), Does.Contain("<a href=\"../\">../</a>").And.Contain("<a href=\"b.txt\">b.txt</a>"));
        Assert.That(dirBare.StatusCode, Is.EqualTo(HttpStatusCode.MovedPermanently));
        Assert.That(marker.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(nothing.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    [Test]
    public async Task PrivateSite_Is401ForAnonymous_AndOwnersSeeTheApiUnlessInWebMode()
    {
        using var anonymous = await GetAsync("/v1/AUTH_test/private/");
        using var owner = await ProxyHttp.SendAsync(_cluster, HttpMethod.Get, "/v1/AUTH_test/private/", _token);
        using var ownerWeb = await ProxyHttp.SendAsync(_cluster, HttpMethod.Get, "/v1/AUTH_test/private/", _token, null,
            new Dictionary<string, string> { ["X-Web-Mode"] = "true" });

        Assert.That(anonymous.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(anonymous.Headers.WwwAuthenticate.ToString(), Is.EqualTo("Swift realm=\"AUTH_test\""));
        Assert.That(await owner.Content.ReadAsStringAsync(), Is.EqualTo("index.html\n"));
        Assert.That(await ownerWeb.Content.ReadAsStringAsync(), Is.EqualTo("<p>secret</p>"));
    }

    private Task<HttpResponseMessage> GetAsync(string path) => ProxyHttp.SendAsync(_cluster, HttpMethod.Get, path, null);

    private async Task PutAsync(string path, Dictionary<string, string> headers, string? body = null)
    {
        using var response = await ProxyHttp.SendAsync(_cluster, HttpMethod.Put, "/v1/AUTH_test" + path, _token, body is null ? null : new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes(body)), headers);
        Assert.That((int)response.StatusCode, Is.EqualTo(201), path);
    }
}
