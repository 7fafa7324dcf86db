using CloudFs.EndToEndTests.Cluster;

namespace CloudFs.EndToEndTests.Proxy;

/// <summary>The ratelimit filter's wire answers through a real cluster: 497 for a blacklisted account, 498 "Slow down" past max sleep.</summary>
[Category("E2E")]
public class RatelimitTests
{
    private CloudFsCluster _cluster = null!;
    private string _token = "";

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _cluster = new CloudFsCluster(extraUsers: [("test2:tester2", "testing2", "owner")]);
        await _cluster.StartAsync(new Dictionary<string, string>
        {
            ["CLOUDFS_Proxy__Ratelimit__AccountBlacklist"] = "AUTH_blocked",
            ["CLOUDFS_Proxy__Ratelimit__ContainerRatelimit__0"] = "2",
            ["CLOUDFS_Proxy__Ratelimit__MaxSleepTimeSeconds"] = "1",
            ["CLOUDFS_Proxy__Ratelimit__AccountInfoCacheSeconds"] = "0",
        });
        _token = (await ProxyHttp.LoginAsync(_cluster, "test:tester", "testing")).Token;
    }

    [OneTimeTearDown]
    public async Task StopAsync() => await _cluster.DisposeAsync();

    [Test]
    public async Task BlacklistedAccount_Is497BeforeAuthentication()
    {
        foreach (var method in new[] { HttpMethod.Get, HttpMethod.Options })
        {
            using var response = await ProxyHttp.SendAsync(_cluster, method, "/v1/AUTH_blocked/c", null);

            Assert.That((int)response.StatusCode, Is.EqualTo(497), method.Method);
            Assert.That(response.ReasonPhrase, Is.EqualTo("Blacklisted"));
            Assert.That(await response.Content.ReadAsStringAsync(), Is.EqualTo("Your account has been blacklisted"));
        }
    }

    [Test]
    public async Task ObjectWritesOverTheContainerRate_Get498AndStoreNothing()
    {
        using (var container = await ProxyHttp.SendAsync(_cluster, HttpMethod.Put, "/v1/AUTH_test/rl", _token))
        {
            Assert.That((int)container.StatusCode, Is.EqualTo(201));
        }

        // An empty container is not limited; with one object in it the 2/s tier applies.
        using (var first = await ProxyHttp.SendAsync(_cluster, HttpMethod.Put, "/v1/AUTH_test/rl/first", _token, new StringContent("x")))
        {
            Assert.That((int)first.StatusCode, Is.EqualTo(201));
        }

        var puts = Enumerable.Range(0, 8).Select(async i =>
        {
            using var response = await ProxyHttp.SendAsync(_cluster, HttpMethod.Put, $"/v1/AUTH_test/rl/o{i}", _token, new StringContent("x"));
            return (Name: $"o{i}", Status: (int)response.StatusCode, Reason: response.ReasonPhrase,
                Body: await response.Content.ReadAsStringAsync() + "|" + response.Content.Headers.ContentType);
        });
        var answers = await Task.WhenAll(puts);

        Assert.That(answers.Count(a => a.Status == 201), Is.InRange(1, 3), string.Join(", ", answers.Select(a => a.Status)));
        var limited = answers.Where(a => a.Status == 498).ToList();
        Assert.That(limited.Count, Is.GreaterThanOrEqualTo(5));
        Assert.That(limited.Select(a => (a.Reason, a.Body)).Distinct(), Is.EqualTo(new[] { ("Rate Limited", "Slow down|text/html; charset=UTF-8") }));
        foreach (var answer in limited)
        {
            using var head = await ProxyHttp.SendAsync(_cluster, HttpMethod.Head, "/v1/AUTH_test/rl/" + answer.Name, _token);
            Assert.That((int)head.StatusCode, Is.EqualTo(404), answer.Name);
        }
    }

    [Test]
    public async Task GlobalWriteRatelimitSysmeta_OnlyAnAdminSetsItAndLiftsIt()
    {
        var owner = (await ProxyHttp.LoginAsync(_cluster, "test2:tester2", "testing2")).Token;
        var admin = (await ProxyHttp.LoginAsync(_cluster, "admin:admin", _cluster.AdminPassword)).Token;
        const string header = "X-Account-Sysmeta-Global-Write-Ratelimit";

        // Swift's gatekeeper drops sysmeta a client sends: the owner's POST succeeds and changes nothing.
        Assert.That(await StatusAsync(HttpMethod.Post, "/v1/AUTH_test2", owner, new() { [header] = "BLACKLIST" }), Is.EqualTo(204));
        using (var head = await ProxyHttp.SendAsync(_cluster, HttpMethod.Head, "/v1/AUTH_test2", owner))
        {
            Assert.That((int)head.StatusCode, Is.EqualTo(204));
            Assert.That(head.Headers.Select(h => h.Key), Has.None.StartsWith("X-Account-Sysmeta").And.None.StartsWith("X-Backend"));
        }

        Assert.That(await StatusAsync(HttpMethod.Post, "/v1/AUTH_test2", admin, new() { [header] = "BLACKLIST" }), Is.EqualTo(204));
        Assert.That(await StatusAsync(HttpMethod.Get, "/v1/AUTH_test2", owner), Is.EqualTo(497));
        Assert.That(await StatusAsync(HttpMethod.Post, "/v1/AUTH_test2", owner, new() { [header] = "WHITELIST" }), Is.EqualTo(497),
            "only an admin's POST of the value gets past the blacklist");
        Assert.That(await StatusAsync(HttpMethod.Post, "/v1/AUTH_test2", admin, new() { ["X-Account-Meta-A"] = "b" }), Is.EqualTo(497));
        Assert.That(await StatusAsync(HttpMethod.Post, "/v1/AUTH_test2", admin, new() { [header] = "WHITELIST" }), Is.EqualTo(204));
        Assert.That(await StatusAsync(HttpMethod.Get, "/v1/AUTH_test2", owner), Is.EqualTo(204), "an empty account's listing");
    }

    [Test]
    public async Task GlobalWriteRatelimitSysmeta_Whitelist_SkipsTheContainerRate()
    {
        var admin = (await ProxyHttp.LoginAsync(_cluster, "admin:admin", _cluster.AdminPassword)).Token;
        Assert.That(await StatusAsync(HttpMethod.Post, "/v1/AUTH_test", admin, new() { ["X-Account-Sysmeta-Global-Write-Ratelimit"] = "WHITELIST" }), Is.EqualTo(204));
        try
        {
            Assert.That(await StatusAsync(HttpMethod.Put, "/v1/AUTH_test/wl", _token), Is.EqualTo(201));
            Assert.That(await StatusAsync(HttpMethod.Put, "/v1/AUTH_test/wl/first", _token, content: "x"), Is.EqualTo(201));
            var statuses = await Task.WhenAll(Enumerable.Range(0, 6).Select(i => StatusAsync(HttpMethod.Put, $"/v1/AUTH_test/wl/o{i}", _token, content: "x")));

            Assert.That(statuses, Is.All.EqualTo(201));
        }
        finally
        {
            Assert.That(await StatusAsync(HttpMethod.Post, "/v1/AUTH_test", admin, new() { ["X-Account-Sysmeta-Global-Write-Ratelimit"] = "" }), Is.EqualTo(204));
        }
    }

    [Test]
    public async Task Info_ShowsTheRatelimitSection()
    {
        using var response = await _cluster.Http.GetAsync(_cluster.Url("proxy", "/info"));
        var info = System.Text.Json.Nodes.JsonNode.Parse(await response.Content.ReadAsStringAsync())!["ratelimit"]!;

        Assert.That(info["max_sleep_time_seconds"]!.GetValue<double>(), Is.EqualTo(1));
        Assert.That(info["account_ratelimit"]!.GetValue<double>(), Is.EqualTo(0));
        Assert.That(info["container_ratelimits"]!.ToJsonString(), Is.EqualTo("[[0,2]]"));
        Assert.That(info["container_listing_ratelimits"]!.ToJsonString(), Is.EqualTo("[]"));
    }

    private async Task<int> StatusAsync(HttpMethod method, string path, string token, Dictionary<string, string>? headers = null, string? content = null)
    {
        using var response = await ProxyHttp.SendAsync(_cluster, method, path, token, content is null ? null : new StringContent(content), headers);
        return (int)response.StatusCode;
    }
}
