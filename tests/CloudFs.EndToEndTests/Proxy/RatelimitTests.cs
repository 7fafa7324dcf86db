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
        _cluster = new CloudFsCluster();
        await _cluster.StartAsync(new Dictionary<string, string>
        {
            ["CLOUDFS_Proxy__Ratelimit__AccountBlacklist"] = "AUTH_blocked",
            ["CLOUDFS_Proxy__Ratelimit__ContainerRatelimit__0"] = "2",
            ["CLOUDFS_Proxy__Ratelimit__MaxSleepTimeSeconds"] = "1",
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
            return (Name: $"o{i}", Status: (int)response.StatusCode, Reason: response.ReasonPhrase, Body: await response.Content.ReadAsStringAsync());
        });
        var answers = await Task.WhenAll(puts);

        Assert.That(answers.Count(a => a.Status == 201), Is.InRange(1, 3), string.Join(", ", answers.Select(a => a.Status)));
        var limited = answers.Where(a => a.Status == 498).ToList();
        Assert.That(limited.Count, Is.GreaterThanOrEqualTo(5));
        Assert.That(limited.Select(a => (a.Reason, a.Body)).Distinct(), Is.EqualTo(new[] { ("Rate Limited", "Slow down") }));
        foreach (var answer in limited)
        {
            using var head = await ProxyHttp.SendAsync(_cluster, HttpMethod.Head, "/v1/AUTH_test/rl/" + answer.Name, _token);
            Assert.That((int)head.StatusCode, Is.EqualTo(404), answer.Name);
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
}
