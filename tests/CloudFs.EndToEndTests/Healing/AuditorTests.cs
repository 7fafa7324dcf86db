using System.Net;
using System.Text.Json.Nodes;
using CloudFs.EndToEndTests.Cluster;
using CloudFs.EndToEndTests.Proxy;

namespace CloudFs.EndToEndTests.Healing;

/// <summary>The auditor daemon in real object servers: a blob corrupted on disk is found and quarantined.</summary>
[Category("E2E")]
public class AuditorTests
{
    [Test]
    public async Task Auditor_ByteFlippedOnDisk_QuarantinedCountedAndReadFromAnotherReplica()
    {
        await using var cluster = new CloudFsCluster(objectReplicas: 3);
        await cluster.StartAsync(new Dictionary<string, string>
        {
            ["CLOUDFS_ObjectServer__Auditor__IntervalSeconds"] = "1",
            ["CLOUDFS_ObjectServer__Auditor__BytesPerSecond"] = "0",
            ["CLOUDFS_ObjectServer__Auditor__FilesPerSecond"] = "0",
        });
        var (token, _) = await ProxyHttp.LoginAsync(cluster, "test:tester", "testing");
        await ProxyHttp.SendAsync(cluster, HttpMethod.Put, "/v1/AUTH_test/c", token);
        var body = new byte[200_000];
        Random.Shared.NextBytes(body);
        using (var put = await ProxyHttp.SendAsync(cluster, HttpMethod.Put, "/v1/AUTH_test/c/victim", token, new ByteArrayContent(body)))
        {
            Assert.That(put.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        }

        // The first object server's copy: {devices}/d1/blobs/{partition}/{suffix}/{id}.data
        var file = Directory.GetFiles(Path.Combine(cluster.DevicesRoot(1), "d1", "blobs"), "*.data", SearchOption.AllDirectories).Single();
        var id = Path.GetFileNameWithoutExtension(file);
        var partition = Path.GetFileName(Path.GetDirectoryName(Path.GetDirectoryName(file)));
        FlipByte(file, body.Length / 2);

        await Wait.UntilAsync(async () => (long?)(await ReconAsync(cluster))["totals"]?["quarantined"] == 1,
            "the first object server's auditor quarantined the blob", TimeSpan.FromSeconds(60));
        var recon = await ReconAsync(cluster);
        using var direct = await cluster.Http.GetAsync(cluster.Url("object", $"/d1/{partition}/blobs/{id}"));
        using var read = await ProxyHttp.SendAsync(cluster, HttpMethod.Get, "/v1/AUTH_test/c/victim", token);

        Assert.That(File.Exists(file), Is.False);
        Assert.That(File.Exists(Path.Combine(cluster.DevicesRoot(1), "d1", "quarantined", "blobs", id + ".data")), Is.True);
        Assert.That(direct.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(await read.Content.ReadAsByteArrayAsync(), Is.EqualTo(body), "the proxy reads a good replica");
        Assert.That((long?)recon["totals"]?["errors"], Is.Zero, recon.ToJsonString());
        Assert.That((long?)recon["totals"]?["blobs_checked"], Is.GreaterThanOrEqualTo(1), recon.ToJsonString());
        Assert.That((long?)recon["interval_seconds"], Is.EqualTo(1));

        // Once the pass that found it has ended, the last pass is reported whole.
        var passes = (long?)recon["totals"]?["passes"] ?? 0;
        await Wait.UntilAsync(async () => (long?)(await ReconAsync(cluster))["totals"]?["passes"] > passes,
            "the pass that found it completed", TimeSpan.FromSeconds(60));
        var last = (await ReconAsync(cluster))["last_pass"]!;
        Assert.That((double?)last["end"], Is.GreaterThanOrEqualTo((double)last["start"]!));
        Assert.That((double?)last["duration_seconds"], Is.GreaterThanOrEqualTo(0));
        Assert.That((long?)last["errors"], Is.Zero);
        foreach (var role in cluster.ExtraObjectRoles)
        {
            var other = JsonNode.Parse(await cluster.Http.GetStringAsync(cluster.Url(role, "/recon/auditor")))!;
            Assert.That((long?)other["totals"]?["quarantined"], Is.Zero, $"{role} holds a good copy");
        }
    }

    [Test]
    public async Task Auditor_IntervalZero_Off()
    {
        await using var cluster = new CloudFsCluster();
        await cluster.StartAsync(new Dictionary<string, string> { ["CLOUDFS_ObjectServer__Auditor__IntervalSeconds"] = "0" });

        var recon = await ReconAsync(cluster);

        Assert.That(recon["last_pass"], Is.Null);
        Assert.That(recon["current_pass"], Is.Null);
        Assert.That((long?)recon["totals"]?["passes"], Is.Zero);
    }

    private static async Task<JsonNode> ReconAsync(CloudFsCluster cluster) =>
        JsonNode.Parse(await cluster.Http.GetStringAsync(cluster.Url("object", "/recon/auditor")))!;

    private static void FlipByte(string file, long offset)
    {
        using var stream = new FileStream(file, FileMode.Open, FileAccess.ReadWrite);
        stream.Position = offset;
        var b = stream.ReadByte();
        stream.Position = offset;
        stream.WriteByte((byte)(b ^ 0x5A));
    }
}
