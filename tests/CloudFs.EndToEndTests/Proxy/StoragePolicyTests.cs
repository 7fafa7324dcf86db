using System.Net;
using System.Text.Json.Nodes;
using CloudFs.Common.Policies;
using CloudFs.EndToEndTests.Cluster;

namespace CloudFs.EndToEndTests.Proxy;

/// <summary>
/// Storage policies through the proxy on SQLite, checked against Swift 2.30.1's answers with the
/// same swift.conf policies (Policy-0 default, silver alias gold, bronze deprecated).
/// </summary>
[Category("E2E")]
public sealed class StoragePolicyTests
{
    [Test]
    public async Task Policies_ThroughTheProxy_AsSwift()
    {
        await using var cluster = StoragePolicyScenario.NewCluster(null);
        await StoragePolicyScenario.RunAsync(cluster);
    }
}

/// <summary>The same scenario with the catalog on MariaDB.</summary>
[Category("E2E")]
public sealed class MariaDbStoragePolicyTests : MariaDbTestBase
{
    [Test]
    public async Task Policies_ThroughTheProxy_OnMariaDb()
    {
        await using var cluster = StoragePolicyScenario.NewCluster(ConnectionString);
        await StoragePolicyScenario.RunAsync(cluster);
    }
}

/// <summary>One walk over everything policies change, shared by both catalogs.</summary>
public static class StoragePolicyScenario
{
    private const string Conflict = "<html><h1>Conflict</h1><p>There was a conflict when trying to complete your request.</p></html>";

    /// <summary>The policies the Swift recordings were made with (tests/Conformance/record.sh).</summary>
    public static readonly IReadOnlyList<StoragePolicyConfig> SwiftTestPolicies =
    [
        new StoragePolicyConfig { Name = "Policy-0", Index = 0, Default = true },
        new StoragePolicyConfig { Name = "silver", Index = 1, Aliases = ["gold"] },
        new StoragePolicyConfig { Name = "bronze", Index = 2, Deprecated = true },
    ];

    public static CloudFsCluster NewCluster(string? mySql) => new(mySql, policies: SwiftTestPolicies);

    public static async Task RunAsync(CloudFsCluster cluster)
    {
        await cluster.StartAsync();

        // /info: deprecated policies hidden, aliases joined with ", ", "default" only on the default (Swift's exact list).
        using (var info = await cluster.Http.GetAsync(cluster.Url("proxy", "/info")))
        {
            var policies = JsonNode.Parse(await info.Content.ReadAsStringAsync())!["swift"]!["policies"]!.ToJsonString();
            Assert.That(policies, Is.EqualTo("""[{"name":"Policy-0","aliases":"Policy-0","default":true},{"name":"silver","aliases":"silver, gold"}]"""));
        }

        var token = (await ProxyHttp.LoginAsync(cluster, "test:tester", "testing")).Token;
        Task<HttpResponseMessage> Send(HttpMethod method, string path, string? policy = null, HttpContent? body = null, Dictionary<string, string>? more = null)
        {
            var headers = new Dictionary<string, string>(more ?? []);
            if (policy is not null)
            {
                headers["X-Storage-Policy"] = policy;
            }

            return ProxyHttp.SendAsync(cluster, method, "/v1/AUTH_test" + path, token, body, headers);
        }

        async Task<(int Status, string Body, string? Type)> Answer(HttpMethod method, string path, string? policy = null)
        {
            using var response = await Send(method, path, policy);
            // The charset's case is not compared: the role servers' error bodies say "utf-8" where Swift says "UTF-8".
            return ((int)response.StatusCode, await response.Content.ReadAsStringAsync(), response.Content.Headers.ContentType?.ToString().ToLowerInvariant());
        }

        async Task<string?> PolicyOf(string container)
        {
            using var head = await Send(HttpMethod.Head, "/" + container);
            Assert.That((int)head.StatusCode, Is.EqualTo(204), container);
            return head.Headers.TryGetValues("X-Storage-Policy", out var values) ? values.Single() : null;
        }

        using (var account = await Send(HttpMethod.Head, ""))
        {
            Assert.That(account.Headers.Select(h => h.Key).Where(k => k.StartsWith("X-Account-Storage-Policy-", StringComparison.Ordinal)), Is.Empty,
                "no container yet, no policy stats");
        }

        Assert.That((await Answer(HttpMethod.Put, "/c0")).Status, Is.EqualTo(201));
        Assert.That(await PolicyOf("c0"), Is.EqualTo("Policy-0"));
        Assert.That((await Answer(HttpMethod.Put, "/c1", "gold")).Status, Is.EqualTo(201));
        Assert.That(await PolicyOf("c1"), Is.EqualTo("silver"), "the canonical name, not the alias asked for");
        Assert.That((await Answer(HttpMethod.Put, "/c2", "SILVER")).Status, Is.EqualTo(201));

        Assert.That(await Answer(HttpMethod.Put, "/cx", "nope"), Is.EqualTo((400, "Invalid X-Storage-Policy 'nope'", "text/plain")));
        Assert.That(await Answer(HttpMethod.Put, "/c4", "1"), Is.EqualTo((400, "Invalid X-Storage-Policy '1'", "text/plain")), "an index is no name");
        Assert.That(await Answer(HttpMethod.Put, "/cb", "bronze"),
            Is.EqualTo((400, "Storage Policy 'bronze' is deprecated", "text/html; charset=utf-8")));
        Assert.That((await Answer(HttpMethod.Head, "/cx")).Status, Is.EqualTo(404), "a refused PUT stores nothing");
        Assert.That((await Answer(HttpMethod.Head, "/cb")).Status, Is.EqualTo(404));

        Assert.That(await Answer(HttpMethod.Put, "/c1", "Policy-0"), Is.EqualTo((409, Conflict, "text/html; charset=utf-8")));
        Assert.That(await Answer(HttpMethod.Put, "/c0", "gold"), Is.EqualTo((409, Conflict, "text/html; charset=utf-8")));
        Assert.That((await Answer(HttpMethod.Put, "/c1", "silver")).Status, Is.EqualTo(202));
        Assert.That((await Answer(HttpMethod.Put, "/c1")).Status, Is.EqualTo(202));
        Assert.That((await Answer(HttpMethod.Post, "/c1", "Policy-0")).Status, Is.EqualTo(204), "POST ignores X-Storage-Policy");
        Assert.That(await PolicyOf("c1"), Is.EqualTo("silver"));

        // Objects go to their container's policy's ring: policy 1's ring has only device d2, whose blobs live in blobs-1.
        using (var put = await Send(HttpMethod.Put, "/c1/o", body: new StringContent("hello")))
        {
            Assert.That((int)put.StatusCode, Is.EqualTo(201));
        }

        using (var put = await Send(HttpMethod.Put, "/c0/o", body: new StringContent("hello-world")))
        {
            Assert.That((int)put.StatusCode, Is.EqualTo(201));
        }

        var devices = cluster.DevicesRoot();
        var silverBlobs = Directory.EnumerateFiles(devices, "*.data", SearchOption.AllDirectories)
            .Where(f => File.ReadAllBytes(f).AsSpan().StartsWith("hello"u8) && !File.ReadAllBytes(f).AsSpan().StartsWith("hello-"u8)).ToList();
        Assert.That(silverBlobs, Has.Count.EqualTo(1));
        Assert.That(silverBlobs[0], Does.StartWith(Path.Combine(devices, CloudFsCluster.PolicyDevice(1), "blobs-1") + "/"));
        var defaultBlobs = Directory.EnumerateFiles(devices, "*.data", SearchOption.AllDirectories)
            .Where(f => File.ReadAllBytes(f).AsSpan().StartsWith("hello-world"u8)).ToList();
        Assert.That(defaultBlobs, Has.Count.EqualTo(1));
        Assert.That(defaultBlobs[0], Does.StartWith(Path.Combine(devices, CloudFsCluster.PolicyDevice(0), "blobs") + "/"));

        using (var get = await Send(HttpMethod.Get, "/c1/o"))
        {
            Assert.That(await get.Content.ReadAsStringAsync(), Is.EqualTo("hello"));
        }

        // A server-side copy into another policy's container shares the blob, which stays readable where it is.
        using (var copy = await Send(HttpMethod.Put, "/c0/copy", body: new ByteArrayContent([]), more: new() { ["X-Copy-From"] = "/c1/o" }))
        {
            Assert.That((int)copy.StatusCode, Is.EqualTo(201));
        }

        using (var get = await Send(HttpMethod.Get, "/c0/copy"))
        {
            Assert.That(await get.Content.ReadAsStringAsync(), Is.EqualTo("hello"));
        }

        // Swift's per-policy stats: title-cased names, counts of each policy's containers.
        Assert.That(await PolicyStatsAsync(), Is.EqualTo(new Dictionary<string, string>
        {
            ["X-Account-Storage-Policy-Policy-0-Container-Count"] = "1",
            ["X-Account-Storage-Policy-Policy-0-Object-Count"] = "2",
            ["X-Account-Storage-Policy-Policy-0-Bytes-Used"] = "16",
            ["X-Account-Storage-Policy-Silver-Container-Count"] = "2",
            ["X-Account-Storage-Policy-Silver-Object-Count"] = "1",
            ["X-Account-Storage-Policy-Silver-Bytes-Used"] = "5",
        }));

        Assert.That((await Answer(HttpMethod.Delete, "/c2")).Status, Is.EqualTo(204));
        Assert.That((await Answer(HttpMethod.Put, "/c2", "Policy-0")).Status, Is.EqualTo(201), "a deleted container may come back with another policy");
        Assert.That(await PolicyOf("c2"), Is.EqualTo("Policy-0"));
        var stats = await PolicyStatsAsync();
        Assert.That(stats["X-Account-Storage-Policy-Policy-0-Container-Count"], Is.EqualTo("2"));
        Assert.That(stats["X-Account-Storage-Policy-Silver-Container-Count"], Is.EqualTo("1"));

        async Task<Dictionary<string, string>> PolicyStatsAsync()
        {
            using var head = await Send(HttpMethod.Head, "");
            return head.Headers.Where(h => h.Key.StartsWith("X-Account-Storage-Policy-", StringComparison.Ordinal))
                .ToDictionary(h => h.Key, h => h.Value.Single());
        }
    }
}
