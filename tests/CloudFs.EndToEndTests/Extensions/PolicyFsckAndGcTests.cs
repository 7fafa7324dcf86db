using System.Net;
using System.Text.Json.Nodes;
using CloudFs.Common.Policies;
using CloudFs.EndToEndTests.Cluster;
using CloudFs.EndToEndTests.Proxy;

namespace CloudFs.EndToEndTests.Extensions;

/// <summary>fsck and garbage collection on the blobs of a second storage policy (blobs-1 on device d2).</summary>
[Category("E2E")]
public class PolicyFsckAndGcTests
{
    private static CloudFsCluster NewCluster(int replicas = 1) => new(objectReplicas: replicas, policies:
    [
        new StoragePolicyConfig { Name = "Policy-0", Index = 0, Default = true },
        new StoragePolicyConfig { Name = "silver", Index = 1 },
    ]);

    [Test]
    public async Task Fsck_SilverBlobs_RepairsAMissingOneAndCollectsAnOrphan()
    {
        await using var cluster = NewCluster(replicas: 2);
        await cluster.StartAsync();
        var (token, _) = await ProxyHttp.LoginAsync(cluster, "test:tester", "testing");
        var (admin, _) = await ProxyHttp.LoginAsync(cluster, "admin:admin", cluster.AdminPassword);
        await ProxyHttp.SendAsync(cluster, HttpMethod.Put, "/v1/AUTH_test/s", token, headers: new Dictionary<string, string> { ["X-Storage-Policy"] = "silver" });
        for (var i = 0; i < 3; i++)
        {
            using var put = await ProxyHttp.SendAsync(cluster, HttpMethod.Put, $"/v1/AUTH_test/s/o{i}", token, new StringContent($"body {i}"));
            Assert.That(put.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        }

        var files = SilverFiles(cluster);
        Assert.That(files, Has.Count.EqualTo(6), "3 objects x 2 replicas");
        var victim = files[0];
        var body = File.ReadAllBytes(victim);
        File.Delete(victim);
        var orphanId = Guid.CreateVersion7().ToString("N");
        using (var request = new HttpRequestMessage(HttpMethod.Put, new Uri($"http://{cluster.Address}:7013/d2/0/blobs/{orphanId}")))
        {
            request.Content = new StringContent("nobody names me");
            request.Headers.Add("X-Backend-Storage-Policy-Index", "1");
            using var orphan = await cluster.Http.SendAsync(request);
            Assert.That(orphan.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        }

        Assert.That(SilverFiles(cluster).Any(f => f.Contains(orphanId, StringComparison.Ordinal)), Is.True, "the planted blob is in policy 1's tree");

        var report = await FsckAsync(cluster, admin, repair: false);
        Assert.That((long?)report.Summary["missing_replicas"], Is.EqualTo(1), report.Text);
        Assert.That((long?)report.Summary["orphans"], Is.EqualTo(1), report.Text);

        var repaired = await FsckAsync(cluster, admin, repair: true);
        Assert.That((long?)repaired.Summary["repaired"], Is.EqualTo(1), repaired.Text);
        Assert.That((long?)repaired.Summary["collected"], Is.EqualTo(1), repaired.Text);
        Assert.That(File.ReadAllBytes(victim), Is.EqualTo(body), "rewritten in place, in policy 1's tree");
        Assert.That(SilverFiles(cluster).Any(f => f.Contains(orphanId, StringComparison.Ordinal)), Is.False, "the orphan was collected");
    }

    [Test]
    public async Task GarbageCollection_OverwrittenSilverBlob_LeavesTheDisk()
    {
        await using var cluster = NewCluster();
        await cluster.StartAsync(new Dictionary<string, string>
        {
            ["CLOUDFS_ObjectServer__GarbageIntervalSeconds"] = "1",
            ["CLOUDFS_AccountServer__GarbageGraceSeconds"] = "0",
        });
        var (token, _) = await ProxyHttp.LoginAsync(cluster, "test:tester", "testing");
        await ProxyHttp.SendAsync(cluster, HttpMethod.Put, "/v1/AUTH_test/s", token, headers: new Dictionary<string, string> { ["X-Storage-Policy"] = "silver" });
        // The collector runs every second with no grace, so v1 may leave the disk as soon as v2
        // replaces it: each blob is named by what appeared after its own PUT, not by a count.
        var v1 = await PutSilverAsync(cluster, token, "keep", "v1", known: []);
        var v2 = await PutSilverAsync(cluster, token, "keep", "v2", known: [v1]);
        var gone = await PutSilverAsync(cluster, token, "gone", "bye", known: [v1, v2]);

        await ProxyHttp.SendAsync(cluster, HttpMethod.Delete, "/v1/AUTH_test/s/gone", token);

        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (SilverFiles(cluster).Count != 1 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(250);
        }

        Assert.That(SilverFiles(cluster), Is.EqualTo(new[] { v2 }), $"v1 ({v1}) and the deleted blob ({gone}) are collected from blobs-1");
        using var kept = await ProxyHttp.SendAsync(cluster, HttpMethod.Get, "/v1/AUTH_test/s/keep", token);
        Assert.That(await kept.Content.ReadAsStringAsync(), Is.EqualTo("v2"));
    }

    // PUTs one object and returns the one blob file it added to policy 1's tree.
    private static async Task<string> PutSilverAsync(CloudFsCluster cluster, string token, string name, string body, string[] known)
    {
        using var put = await ProxyHttp.SendAsync(cluster, HttpMethod.Put, $"/v1/AUTH_test/s/{name}", token, new StringContent(body));
        Assert.That(put.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        var added = SilverFiles(cluster).Except(known).ToList();
        Assert.That(added, Has.Count.EqualTo(1), $"one new blob in blobs-1 for {name}");
        return added[0];
    }

    // Policy 1's blobs on every object server: device d2, tree blobs-1.
    private static List<string> SilverFiles(CloudFsCluster cluster) =>
        [.. Directory.EnumerateFiles(cluster.Root, "*.data", SearchOption.AllDirectories)
            .Where(f => f.Contains($"/{CloudFsCluster.PolicyDevice(1)}/blobs-1/", StringComparison.Ordinal))];

    private static async Task<(JsonNode Summary, string Text)> FsckAsync(CloudFsCluster cluster, string admin, bool repair)
    {
        using var response = await ProxyHttp.SendAsync(cluster, HttpMethod.Post, $"/admin/fsck?grace=0{(repair ? "&repair=true" : "")}", admin);
        var text = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), text);
        return (JsonNode.Parse(text.TrimEnd().Split('\n')[^1])!, text);
    }
}
