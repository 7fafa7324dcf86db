using System.Diagnostics;
using System.Text.Json.Nodes;
using CloudFs.EndToEndTests.Cluster;
using CloudFs.EndToEndTests.Healing;
using CloudFs.EndToEndTests.Proxy;
using CloudFs.Ring;

namespace CloudFs.EndToEndTests.Galera;

/// <summary>
/// Faults on the Galera catalog (issue 18), on three CloudFs hosts and three database nodes, each
/// host's servers preferring their own node. Each ends in counts that must be exact: every upload
/// answered 201 (at once or after 503s the client retried), every acknowledged object listed
/// once, read back byte-identical and counted once, and clean usage-check and fsck.
/// </summary>
[Category("E2E")]
[Category("Galera")]
[Category("Probe")]
public class GaleraFaultTests
{
    private const string Container = "galera";
    private const int Objects = 1000;

    [Test]
    public async Task KillTheWritingServersDbNode_During1000Uploads_NothingAcknowledgedIsLostOrDoubled()
    {
        var clock = Stopwatch.StartNew();
        await using var galera = await GaleraCluster.StartAsync();
        await using var cluster = new MultiHostCluster(galera.CatalogFor(1), hostCatalog: galera.CatalogFor,
            settings: new Dictionary<string, IReadOnlyDictionary<string, string>>
            {
                ["account"] = new Dictionary<string, string> { ["AccountServer:JournalReplaySeconds"] = "1" },
                ["container"] = new Dictionary<string, string> { ["Catalog:SyncWait"] = "1" },
                ["object"] = new Dictionary<string, string> { ["ObjectServer:Replication:IntervalSeconds"] = "1" },
            });
        await cluster.StartAsync();
        var writer = WritingHost(cluster, "AUTH_test");
        using var client = await ProbeClient.LoginAsync(cluster.ProxyUrl());
        await client.CreateContainerAsync(Container);
        var corpus = new ProbeCorpus(Objects);
        var tally = new UploadTally();

        var uploads = client.UploadAllAsync(corpus.Objects, Container, tally);
        await Wait.UntilAsync(() => Task.FromResult(tally.Done >= Objects / 4 || uploads.IsCompleted), "a quarter of the uploads answered", TimeSpan.FromSeconds(300));
        await galera.KillAsync(writer);
        var killedAfter = tally.Done;
        await Wait.UntilAsync(() => Task.FromResult(tally.Done >= killedAfter + 300 || uploads.IsCompleted), "300 more uploads answered", TimeSpan.FromSeconds(300));
        var rejoinedAfter = tally.Done;
        var rejoin = Stopwatch.StartNew();
        await galera.RejoinAsync(writer);
        rejoin.Stop();
        await uploads;
        await Wait.UntilAsync(async () => await JournalDepthAsync(cluster) == 0, "every account server's journal is replayed", TimeSpan.FromSeconds(90));

        var listed = await client.ListAsync(Container);
        var (identical, problems) = await client.ReadBackAsync(corpus.Objects.Where(o => tally.Acknowledged.ContainsKey(o.Name)), Container);
        var (objects, bytes) = await client.HeadContainerAsync(Container);
        var usage = await cluster.CliAsync("usage-check", "AUTH_test");
        ToolRunner.Result? fsck = null;
        await Wait.UntilAsync(async () => (fsck = await cluster.FsckAsync("--grace", "0")).ExitCode == 0, "cloudfs fsck is clean", TimeSpan.FromSeconds(240));
        TestContext.Out.WriteLine($"database node {writer} (the writing account server's) killed after {killedAfter} answers, rejoined after " +
            $"{rejoinedAfter} (caught up in {rejoin.Elapsed.TotalSeconds:F1} s); uploads: {tally}; {identical} of {Objects} read back byte-identical; " +
            $"{clock.Elapsed.TotalSeconds:F0} s in all");

        Assert.Multiple(() =>
        {
            Assert.That(tally.Failed, Is.Empty, tally.ToString());
            Assert.That(tally.Acknowledged, Has.Count.EqualTo(Objects), "every upload answered 201, at once or after retried 503s");
            Assert.That(listed, Is.Unique, "no object listed twice");
            Assert.That(listed, Is.EquivalentTo(tally.Acknowledged.Keys), "the listing holds exactly the acknowledged objects");
            Assert.That(problems, Is.Empty);
            Assert.That(identical, Is.EqualTo(Objects), "every acknowledged object reads back byte-identical");
            Assert.That(objects, Is.EqualTo(Objects), "X-Container-Object-Count counts each object once");
            Assert.That(bytes, Is.EqualTo(corpus.TotalBytes), "X-Container-Bytes-Used counts each object's bytes once");
            Assert.That(usage.Output, Does.Contain("usage counters match the rows"), usage.ToString());
            Assert.That(fsck!.ExitCode, Is.Zero, fsck.ToString());
        });
    }

    // The proxy writes an account's rows through the first primary of its partition in the account ring.
    private static int WritingHost(MultiHostCluster cluster, string account)
    {
        var ring = new HashRing(RingFile.Load(Path.Combine(cluster.RingDir, "account.ring")), RoleConfigFiles.HashPathPrefix, RoleConfigFiles.HashPathSuffix);
        var first = ring.GetPrimaries(ring.GetPartition(account))[0];
        return cluster.Hosts.Single(h => h.Address == first.Ip).Number;
    }

    private static async Task<long> JournalDepthAsync(MultiHostCluster cluster)
    {
        long total = 0;
        foreach (var host in cluster.Hosts)
        {
            var body = await cluster.Http.GetStringAsync(cluster.Url("account", host.Number, "/recon/journal"));
            total += (long)JsonNode.Parse(body)!["pending"]!;
        }

        return total;
    }
}
