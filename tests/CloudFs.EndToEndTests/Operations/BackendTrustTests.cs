using System.Net;
using System.Text;
using CloudFs.Common.Contracts;
using CloudFs.EndToEndTests.Cluster;
using CloudFs.EndToEndTests.Proxy;

namespace CloudFs.EndToEndTests.Operations;

/// <summary>
/// Role servers trust only the cluster: requests sent straight to 7011, 7012 and 7013 without a
/// signature, or with a stale, forged or replayed one, are 401 whatever X-Backend-* headers they
/// carry, and change nothing; the proxy's own (signed) traffic works, and /healthcheck and a
/// loopback /recon stay open.
/// </summary>
[Category("E2E")]
public class BackendTrustTests
{
    private CloudFsCluster _cluster = null!;
    private readonly HttpClient _plain = new() { Timeout = TimeSpan.FromSeconds(30) };
    private string _token = "";
    private string _account = "";

    [OneTimeSetUp]
    public async Task StartClusterAsync()
    {
        _cluster = new CloudFsCluster();
        await _cluster.StartAsync();
        (_token, var storageUrl) = await ProxyHttp.LoginAsync(_cluster, "test:tester", "testing");
        _account = new Uri(storageUrl).AbsolutePath.TrimStart('/').Split('/')[1];
        using var created = await ProxyHttp.SendAsync(_cluster, HttpMethod.Put, $"/v1/{_account}/kept", _token);
        Assert.That((int)created.StatusCode, Is.EqualTo(201));
        using var put = await ProxyHttp.SendAsync(_cluster, HttpMethod.Put, $"/v1/{_account}/kept/thing", _token, new StringContent("stays"));
        Assert.That((int)put.StatusCode, Is.EqualTo(201));
    }

    [OneTimeTearDown]
    public async Task StopClusterAsync()
    {
        _plain.Dispose();
        await _cluster.DisposeAsync();
    }

    [Test]
    public async Task Unsigned_ToEveryRole_Is401_AndChangesNothing()
    {
        // Account server: an "admin" creating a container in someone's account.
        using var account = await SendAsync(HttpMethod.Put, "account", $"/d1/0/{_account}/planted", signature: null,
            ("X-Backend-User-Type", "admin"), ("X-Backend-User", "admin:admin"));
        // Container server: an admin's listing of the account.
        using var container = await SendAsync(HttpMethod.Get, "container", $"/d1/0/{_account}/kept?format=json", signature: null,
            ("X-Backend-User-Type", "admin"));
        // Object server: a blob written with no credentials at all.
        var blobsBefore = ProxyHttp.BlobFiles(_cluster).Count;
        using var blob = await SendAsync(HttpMethod.Put, "object", $"/d1/0/blobs/{Guid.CreateVersion7():N}", signature: null, content: "planted");

        Assert.Multiple(() =>
        {
            Assert.That(account.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
            Assert.That(container.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
            Assert.That(blob.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
            Assert.That(ProxyHttp.BlobFiles(_cluster), Has.Count.EqualTo(blobsBefore), "no blob was written");
        });
        using var listing = await ProxyHttp.SendAsync(_cluster, HttpMethod.Get, $"/v1/{_account}", _token);
        Assert.That(await listing.Content.ReadAsStringAsync(), Is.EqualTo("kept\n"), "no container was planted");
    }

    [TestCase("stale")]
    [TestCase("forged")]
    [TestCase("other path")]
    public async Task BadSignature_Is401(string kind)
    {
        const string path = "/d1/0/blobs/0193f2a47c1e7d3a9b8e5f2c1a0e4d6b";
        var signature = kind switch
        {
            "stale" => BackendSignature.Create(Key(RoleConfigFiles.BackendSecret), "GET", path, "tx-test", DateTimeOffset.UtcNow.AddMinutes(-5)),
            "forged" => BackendSignature.Create(Key("not-the-secret"), "GET", path, "tx-test", DateTimeOffset.UtcNow),
            _ => BackendSignature.Create(Key(RoleConfigFiles.BackendSecret), "GET", "/d1/0/blobs/something-else", "tx-test", DateTimeOffset.UtcNow),
        };

        using var response = await SendAsync(HttpMethod.Get, "object", path, signature);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(await response.Content.ReadAsStringAsync(), Is.EqualTo("Backend request not signed by this cluster"));
    }

    [Test]
    public async Task ReplayedSignature_Is401_TheFirstUseIsServed()
    {
        var path = $"/d1/0/{_account}/kept";
        var signature = BackendSignature.Create(Key(RoleConfigFiles.BackendSecret), "HEAD", path, "tx-test", DateTimeOffset.UtcNow);

        using var first = await SendAsync(HttpMethod.Head, "container", path, signature);
        using var replay = await SendAsync(HttpMethod.Head, "container", path, signature);

        Assert.That((int)first.StatusCode, Is.EqualTo(204));
        Assert.That(replay.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
    }

    [TestCase("account")]
    [TestCase("container")]
    [TestCase("object")]
    public async Task HealthcheckAndLoopbackRecon_StayOpen(string role)
    {
        using var health = await _plain.GetAsync(_cluster.Url(role, "/healthcheck"));
        using var recon = await _plain.GetAsync(_cluster.Url(role, "/recon"));

        Assert.That(health.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(recon.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    private static byte[] Key(string secret) => Encoding.UTF8.GetBytes(secret);

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string role, string path, string? signature,
        params (string Name, string Value)[] headers) => await SendAsync(method, role, path, signature, null, headers);

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string role, string path, string? signature, string? content,
        params (string Name, string Value)[] headers)
    {
        using var request = new HttpRequestMessage(method, _cluster.Url(role, path));
        request.Headers.Add("X-Trans-Id", "tx-test");
        if (signature is not null)
        {
            request.Headers.Add(BackendSignature.Header, signature);
        }

        foreach (var (name, value) in headers)
        {
            request.Headers.Add(name, value);
        }

        if (content is not null)
        {
            request.Content = new StringContent(content);
        }

        return await _plain.SendAsync(request);
    }
}
