using System.Net;
using System.Text.Json.Nodes;
using CloudFs.EndToEndTests.Cluster;
using CloudFs.EndToEndTests.Proxy;

namespace CloudFs.EndToEndTests.Extensions;

/// <summary>fsck over three object replicas, and garbage collection of blobs nothing names.</summary>
[Category("E2E")]
public class FsckAndGcTests
{
    [Test]
    public async Task Fsck_FindsAndRepairsAMissingReplicaAndAnOrphan()
    {
        await using var cluster = new CloudFsCluster(objectReplicas: 3);
        await cluster.StartAsync();
        var (token, _) = await ProxyHttp.LoginAsync(cluster, "test:tester", "testing");
        var (admin, _) = await ProxyHttp.LoginAsync(cluster, "admin:admin", cluster.AdminPassword);
        await ProxyHttp.SendAsync(cluster, HttpMethod.Put, "/v1/AUTH_test/c", token);
        for (var i = 0; i < 5; i++)
        {
            using var put = await ProxyHttp.SendAsync(cluster, HttpMethod.Put, $"/v1/AUTH_test/c/o{i}", token, new StringContent($"body {i}"));
            Assert.That(put.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        }

        var files = ProxyHttp.BlobFiles(cluster);
        Assert.That(files, Has.Count.EqualTo(15), "5 objects × 3 replicas");
        var victim = files[0];
        File.Delete(victim);
        var orphanId = Guid.CreateVersion7().ToString("N");
        using (var orphan = await cluster.Http.PutAsync(new Uri($"http://{cluster.Address}:7013/d1/0/blobs/{orphanId}"), new StringContent("nobody names me")))
        {
            Assert.That(orphan.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        }

        var report = await FsckAsync(cluster, admin, repair: false);
        Assert.That((long?)report.Summary["missing_replicas"], Is.EqualTo(1), report.Text);
        Assert.That((long?)report.Summary["orphans"], Is.EqualTo(1), report.Text);
        Assert.That(File.Exists(victim), Is.False, "a report changes nothing");

        var repaired = await FsckAsync(cluster, admin, repair: true);
        Assert.That((long?)repaired.Summary["repaired"], Is.EqualTo(1), repaired.Text);
        Assert.That((long?)repaired.Summary["collected"], Is.EqualTo(1), repaired.Text);
        Assert.That(File.Exists(victim), Is.True, "the missing replica was rewritten from another");
        Assert.That(ProxyHttp.BlobFiles(cluster).Any(f => f.Contains(orphanId)), Is.False, "the orphan was collected");

        var clean = await FsckAsync(cluster, admin, repair: false);
        Assert.That((long?)clean.Summary["missing_replicas"], Is.Zero, clean.Text);
        Assert.That((long?)clean.Summary["orphans"], Is.Zero, clean.Text);
        Assert.That((long?)clean.Summary["usage_drifts"], Is.Zero, clean.Text);
    }

    [Test]
    public async Task Fsck_BlobQueuedForTheCollector_IsNoOrphan()
    {
        // The default grace (an hour) keeps the overwritten blob on disk, queued, during the test.
        await using var cluster = new CloudFsCluster();
        await cluster.StartAsync();
        var (token, _) = await ProxyHttp.LoginAsync(cluster, "test:tester", "testing");
        var (admin, _) = await ProxyHttp.LoginAsync(cluster, "admin:admin", cluster.AdminPassword);
        await ProxyHttp.SendAsync(cluster, HttpMethod.Put, "/v1/AUTH_test/c", token);
        await ProxyHttp.SendAsync(cluster, HttpMethod.Put, "/v1/AUTH_test/c/o", token, new StringContent("v1"));
        await ProxyHttp.SendAsync(cluster, HttpMethod.Put, "/v1/AUTH_test/c/o", token, new StringContent("v2"));
        Assert.That(ProxyHttp.BlobFiles(cluster), Has.Count.EqualTo(2), "v1 waits for the collector");

        var report = await FsckAsync(cluster, admin, repair: false);

        Assert.That((long?)report.Summary["orphans"], Is.Zero, report.Text);
        Assert.That((long?)report.Summary["queued"], Is.EqualTo(1), report.Text);
        Assert.That((bool?)report.Summary["clean"], Is.True, report.Text);
    }

    [Test]
    public async Task GarbageCollection_OverwrittenAndDeletedBlobs_LeaveTheDisks()
    {
        await using var cluster = new CloudFsCluster();
        await cluster.StartAsync(new Dictionary<string, string>
        {
            ["CLOUDFS_ObjectServer__GarbageIntervalSeconds"] = "1",
            ["CLOUDFS_AccountServer__GarbageGraceSeconds"] = "0",
        });
        var (token, _) = await ProxyHttp.LoginAsync(cluster, "test:tester", "testing");
        await ProxyHttp.SendAsync(cluster, HttpMethod.Put, "/v1/AUTH_test/c", token);
        await ProxyHttp.SendAsync(cluster, HttpMethod.Put, "/v1/AUTH_test/c/keep", token, new StringContent("v1"));
        await ProxyHttp.SendAsync(cluster, HttpMethod.Put, "/v1/AUTH_test/c/keep", token, new StringContent("v2"));
        await ProxyHttp.SendAsync(cluster, HttpMethod.Put, "/v1/AUTH_test/c/gone", token, new StringContent("bye"));
        using (var copy = await ProxyHttp.SendAsync(cluster, HttpMethod.Put, "/v1/AUTH_test/c/copy-of-gone", token, new ByteArrayContent([]),
            new Dictionary<string, string> { ["X-Copy-From"] = "c/gone" }))
        {
            Assert.That(copy.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        }

        await ProxyHttp.SendAsync(cluster, HttpMethod.Delete, "/v1/AUTH_test/c/gone", token);

        await Poll(() => ProxyHttp.BlobFiles(cluster).Count == 2, "the overwritten v1 blob is collected");
        using var kept = await ProxyHttp.SendAsync(cluster, HttpMethod.Get, "/v1/AUTH_test/c/keep", token);
        using var shared = await ProxyHttp.SendAsync(cluster, HttpMethod.Get, "/v1/AUTH_test/c/copy-of-gone", token);
        Assert.That(await kept.Content.ReadAsStringAsync(), Is.EqualTo("v2"));
        Assert.That(await shared.Content.ReadAsStringAsync(), Is.EqualTo("bye"), "a blob still named by a copy is kept");
    }

    private static async Task<(JsonNode Summary, string Text)> FsckAsync(CloudFsCluster cluster, string admin, bool repair)
    {
        using var response = await ProxyHttp.SendAsync(cluster, HttpMethod.Post, $"/admin/fsck?grace=0{(repair ? "&repair=true" : "")}", admin);
        var text = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), text);
        var last = text.TrimEnd().Split('\n')[^1];
        return (JsonNode.Parse(last)!, text);
    }

    private static async Task Poll(Func<bool> condition, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail($"timed out waiting until {what}");
            }

            await Task.Delay(250);
        }
    }
}
