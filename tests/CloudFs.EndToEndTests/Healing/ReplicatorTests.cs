using System.Net;
using System.Text.Json.Nodes;
using CloudFs.EndToEndTests.Cluster;
using CloudFs.EndToEndTests.Proxy;

namespace CloudFs.EndToEndTests.Healing;

/// <summary>The object replicator on three object servers: lost copies come back, deletions spread.</summary>
[Category("E2E")]
public class ReplicatorTests
{
    private static readonly Dictionary<string, string> FastReplication = new()
    {
        ["CLOUDFS_ObjectServer__Replication__IntervalSeconds"] = "1",
    };

    [Test]
    public async Task LostReplicas_AreRestoredFromTheOthers_ByteForByte()
    {
        await using var cluster = new CloudFsCluster(objectReplicas: 3);
        await cluster.StartAsync(FastReplication);
        var (token, _) = await ProxyHttp.LoginAsync(cluster, "test:tester", "testing");
        await ProxyHttp.SendAsync(cluster, HttpMethod.Put, "/v1/AUTH_test/c", token);
        var bodies = Enumerable.Range(0, 20).ToDictionary(i => $"o{i}", i => Enumerable.Range(0, 1000 * i).Select(b => (byte)(b * i)).ToArray());
        foreach (var (name, body) in bodies)
        {
            using var put = await ProxyHttp.SendAsync(cluster, HttpMethod.Put, $"/v1/AUTH_test/c/{name}", token, new ByteArrayContent(body));
            Assert.That(put.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        }

        var second = Path.Combine(cluster.DevicesRoot(2), "d1");
        var lost = Directory.EnumerateFiles(second, "*.data", SearchOption.AllDirectories).ToList();
        Assert.That(lost, Has.Count.EqualTo(20));
        foreach (var file in lost)
        {
            File.Delete(file);
        }

        await Wait.UntilAsync(() => Task.FromResult(lost.All(File.Exists)), "every lost replica is back", TimeSpan.FromSeconds(60));
        var originals = lost.Select(f => f.Replace(cluster.DevicesRoot(2), cluster.DevicesRoot(3), StringComparison.Ordinal));
        Assert.That(lost.Zip(originals).All(p => File.ReadAllBytes(p.First).SequenceEqual(File.ReadAllBytes(p.Second))), Is.True,
            "each restored file equals the other replica's");
        var recon = JsonNode.Parse(await cluster.Http.GetStringAsync(cluster.Url("object", "/recon/replication")))!;
        var pushed = (long)recon["totals"]!["blobs_pushed"]! + (long)JsonNode.Parse(await cluster.Http.GetStringAsync(cluster.Url("object3", "/recon/replication")))!["totals"]!["blobs_pushed"]!;
        Assert.That(pushed, Is.GreaterThanOrEqualTo(20), recon.ToJsonString());
    }

    [Test]
    public async Task ATombstoneOnOneReplica_SpreadsToTheOthers()
    {
        await using var cluster = new CloudFsCluster(objectReplicas: 3);
        await cluster.StartAsync(FastReplication);
        var (token, _) = await ProxyHttp.LoginAsync(cluster, "test:tester", "testing");
        await ProxyHttp.SendAsync(cluster, HttpMethod.Put, "/v1/AUTH_test/c", token);
        using (var put = await ProxyHttp.SendAsync(cluster, HttpMethod.Put, "/v1/AUTH_test/c/doomed", token, new StringContent("bye")))
        {
            Assert.That(put.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        }

        var files = ProxyHttp.BlobFiles(cluster);
        Assert.That(files, Has.Count.EqualTo(3));
        var first = files.Single(f => f.StartsWith(cluster.DevicesRoot(1) + "/", StringComparison.Ordinal));
        var relative = Path.GetRelativePath(Path.Combine(cluster.DevicesRoot(1), "d1"), first).Split('/'); // blobs/{part}/{suffix}/{id}.data
        var path = $"/d1/{relative[1]}/blobs/{Path.GetFileNameWithoutExtension(relative[3])}";
        using (var delete = await cluster.Http.DeleteAsync(cluster.Url("object", path)))
        {
            Assert.That(delete.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        }

        await Wait.UntilAsync(() => Task.FromResult(ProxyHttp.BlobFiles(cluster).Count == 0), "no replica keeps the deleted body", TimeSpan.FromSeconds(60));
        var tombstones = Directory.EnumerateFiles(cluster.Root, "*.ts", SearchOption.AllDirectories).ToList();
        Assert.That(tombstones, Has.Count.EqualTo(3), "every replica keeps the tombstone");
    }
}
