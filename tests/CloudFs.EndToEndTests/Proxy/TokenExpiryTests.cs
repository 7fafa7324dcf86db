using System.Net;
using CloudFs.EndToEndTests.Cluster;

namespace CloudFs.EndToEndTests.Proxy;

/// <summary>An expired token is refused even while the proxy still caches token checks.</summary>
[Category("E2E")]
public class TokenExpiryTests
{
    [Test]
    public async Task Request_AfterTokenExpired_Is401BeforeTheCacheRunsOut()
    {
        await using var cluster = new CloudFsCluster();
        // Tokens live 2 s; the proxy would trust a cached check for a minute if it ignored expiry.
        await cluster.StartAsync(new Dictionary<string, string>
        {
            ["CLOUDFS_AccountServer__TokenLifeSeconds"] = "2",
            ["CLOUDFS_Proxy__TokenCacheSeconds"] = "60",
        });
        var (token, _) = await ProxyHttp.LoginAsync(cluster, "test:tester", "testing");

        using var fresh = await ProxyHttp.SendAsync(cluster, HttpMethod.Head, "/v1/AUTH_test", token);
        Assert.That(fresh.StatusCode, Is.EqualTo(HttpStatusCode.NoContent), "a fresh token works (and is now cached)");

        // Poll instead of sleeping past the expiry; the deadline is well inside the cache time.
        var statuses = new List<HttpStatusCode>();
        await Wait.UntilAsync(async () =>
        {
            using var head = await ProxyHttp.SendAsync(cluster, HttpMethod.Head, "/v1/AUTH_test", token);
            statuses.Add(head.StatusCode);
            return head.StatusCode == HttpStatusCode.Unauthorized;
        }, "the expired token is refused", TimeSpan.FromSeconds(30));

        Assert.That(statuses[..^1], Has.All.EqualTo(HttpStatusCode.NoContent), "live until it expires, then refused");
        using var after = await ProxyHttp.SendAsync(cluster, HttpMethod.Head, "/v1/AUTH_test", token);
        Assert.That(after.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized), "and stays refused");
    }
}
