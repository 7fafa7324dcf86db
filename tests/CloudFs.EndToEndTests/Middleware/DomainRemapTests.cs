using System.Net;
using CloudFs.EndToEndTests.Cluster;
using CloudFs.EndToEndTests.Proxy;

namespace CloudFs.EndToEndTests.Middleware;

/// <summary>Host names under the storage domain reach the account and container they name.</summary>
[Category("E2E")]
public class DomainRemapTests
{
    private static readonly HttpClient Client = new(new SocketsHttpHandler { AllowAutoRedirect = false });
    private CloudFsCluster _cluster = null!;
    private string _token = "";

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _cluster = new CloudFsCluster();
        await _cluster.StartAsync(new Dictionary<string, string> { ["CLOUDFS_Proxy__Middleware__DomainRemap__StorageDomain"] = "storage.test" });
        _token = (await ProxyHttp.LoginAsync(_cluster, "test:tester", "testing")).Token;
        using var container = await ProxyHttp.SendAsync(_cluster, HttpMethod.Put, "/v1/AUTH_test/site", _token);
        using var obj = await ProxyHttp.SendAsync(_cluster, HttpMethod.Put, "/v1/AUTH_test/site/page.html", _token, new StringContent("<p>hi</p>"));
        Assert.That(((int)container.StatusCode, (int)obj.StatusCode), Is.EqualTo((201, 201)));
    }

    [OneTimeTearDown]
    public async Task StopAsync() => await _cluster.DisposeAsync();

    [Test]
    public async Task ContainerAndAccountHosts_MapOntoV1Paths()
    {
        using var viaContainer = await SendAsync("site.auth-test.storage.test", "/page.html");
        using var viaAccount = await SendAsync("AUTH-test.storage.test", "/site/page.html");
        using var listing = await SendAsync("site.AUTH-test.storage.test", "/?format=json");

        Assert.That(await viaContainer.Content.ReadAsStringAsync(), Is.EqualTo("<p>hi</p>"));
        Assert.That(await viaAccount.Content.ReadAsStringAsync(), Is.EqualTo("<p>hi</p>"));
        Assert.That(await listing.Content.ReadAsStringAsync(), Does.Contain("\"name\": \"page.html\"").Or.Contain("\"name\":\"page.html\""));
    }

    [Test]
    public async Task TooManyLabels_Is400_AndOtherHostsAreUntouched()
    {
        using var bad = await SendAsync("a.b.auth-test.storage.test", "/x");
        using var plain = await SendAsync("other.example.org", "/v1/AUTH_test/site/page.html");

        Assert.That(bad.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(await bad.Content.ReadAsStringAsync(), Is.EqualTo("Bad domain in host header"));
        Assert.That(plain.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    private Task<HttpResponseMessage> SendAsync(string host, string pathAndQuery)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, _cluster.Url("proxy", pathAndQuery));
        request.Headers.Host = host;
        request.Headers.Add("X-Auth-Token", _token);
        return Client.SendAsync(request);
    }
}
