using System.Net;
using CloudFs.EndToEndTests.Cluster;

namespace CloudFs.EndToEndTests.Proxy;

/// <summary>An expired token is refused even while the proxy still caches token checks.</summary>
[Category("E2E")]
public class TokenExpiryTests
{
    [Test]
    public async Task Request_AfterTokenExpired_Is401()
    {
        await using var cluster = new CloudFsCluster();
        await cluster.StartAsync(new Dictionary<string, string> { ["CLOUDFS_AccountServer__TokenLifeSeconds"] = "2" });
        var (token, _) = await ProxyHttp.LoginAsync(cluster, "test:tester", "testing");

        using var fresh = await ProxyHttp.SendAsync(cluster, HttpMethod.Head, "/v1/AUTH_test", token);
        await Task.Delay(TimeSpan.FromSeconds(3));
        using var expired = await ProxyHttp.SendAsync(cluster, HttpMethod.Head, "/v1/AUTH_test", token);

        Assert.That(fresh.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        Assert.That(expired.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
    }
}
