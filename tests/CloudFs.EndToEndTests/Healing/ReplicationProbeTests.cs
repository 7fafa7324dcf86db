using System.Diagnostics;
using System.Text.Json.Nodes;
using CloudFs.EndToEndTests.Cluster;
using CloudFs.EndToEndTests.Proxy;

namespace CloudFs.EndToEndTests.Healing;

/// <summary>
/// Probes (issue 15): faults on three real hosts with a real MariaDB, healed by the daemons
/// alone, never by fsck --repair. Each ends with every object read back byte-identical through
/// the proxy and a clean `cloudfs fsck` (exit 0: every blob on all its primaries, no orphan).
/// </summary>
[Category("E2E")]
[Category("Probe")]
public class ReplicationProbeTests
{
    private const string Container = "probe";
    private static readonly TimeSpan HealTimeout = TimeSpan.FromSeconds(240);

    [Test]
    public async Task KillAnObjectServerDuring1000Uploads_EveryUploadAnswers201_AndTheReplicatorRefillsIt()
    {
        await using var db = await PrivateMariaDb.CreateAsync();
        await using var cluster = await StartAsync(db);
        using var client = await ProbeClient.LoginAsync(cluster.ProxyUrl());
        await client.CreateContainerAsync(Container);
        var corpus = new ProbeCorpus(1000);
        var tally = new UploadTally();

        var uploads = client.UploadAllAsync(corpus.Objects, Container, tally);
        await Wait.UntilAsync(() => Task.FromResult(tally.Done >= 250 || uploads.IsCompleted), "a quarter of the uploads answered", TimeSpan.FromSeconds(300));
        cluster.Kill("object", 2);
        var killedAfter = tally.Done;
        await Wait.UntilAsync(() => Task.FromResult(tally.Done >= killedAfter + 300 || uploads.IsCompleted), "300 more uploads answered", TimeSpan.FromSeconds(300));
        var restartedAfter = tally.Done;
        cluster.Start("object", 2);
        await cluster.WaitHealthyAsync("object", 2);
        await uploads;
        var healed = await WaitUntilCleanAsync(cluster);

        var (identical, problems) = await client.ReadBackAsync(corpus.Objects, Container);
        TestContext.Out.WriteLine($"object server 2 killed after {killedAfter} answers, restarted after {restartedAfter}; uploads: {tally}; " +
            $"fsck clean {healed.TotalSeconds:F0} s after the last upload; {identical} of {corpus.Objects.Count} read back byte-identical; " +
            $"blobs pushed by the replicators: {await PushedAsync(cluster)}");
        Assert.Multiple(() =>
        {
            Assert.That(tally.Failed, Is.Empty, tally.ToString());
            Assert.That(tally.CreatedFirstTry, Is.EqualTo(corpus.Objects.Count), "every upload answered 201 at once, none needed a retry: " + tally);
            Assert.That(problems, Is.Empty);
            Assert.That(identical, Is.EqualTo(corpus.Objects.Count));
        });
    }

    [Test]
    public async Task WipeADevice_TheReplicatorsRefillIt()
    {
        await using var db = await PrivateMariaDb.CreateAsync();
        await using var cluster = await StartAsync(db);
        using var client = await ProbeClient.LoginAsync(cluster.ProxyUrl());
        await client.CreateContainerAsync(Container);
        var corpus = new ProbeCorpus(300, seed: 21);
        var tally = new UploadTally();
        await client.UploadAllAsync(corpus.Objects, Container, tally);
        Assert.That(tally.Acknowledged, Has.Count.EqualTo(corpus.Objects.Count), tally.ToString());
        var device = cluster.Host(2).DevicePath("d1");
        var held = DataFiles(device);
        var pushedBefore = await PushedAsync(cluster);

        cluster.Blobs.WipeDevice(2, "d1");
        var healed = await WaitUntilCleanAsync(cluster);
        var pushed = await PushedAsync(cluster) - pushedBefore;

        var (identical, problems) = await client.ReadBackAsync(corpus.Objects, Container);
        TestContext.Out.WriteLine($"host 2's d1 held {held} blobs, {DataFiles(device)} after healing in {healed.TotalSeconds:F0} s " +
            $"({pushed} pushed by the replicators); {identical} of {corpus.Objects.Count} read back byte-identical");
        Assert.Multiple(() =>
        {
            Assert.That(held, Is.EqualTo(corpus.Objects.Count), "three hosts, three replicas: every blob was on host 2");
            Assert.That(pushed, Is.GreaterThanOrEqualTo(held), "the replicators sent every lost blob back");
            Assert.That(DataFiles(device), Is.EqualTo(held), "every blob is back on the wiped device");
            Assert.That(problems, Is.Empty);
            Assert.That(identical, Is.EqualTo(corpus.Objects.Count));
        });
    }

    [Test]
    public async Task CorruptABlob_TheAuditorQuarantinesIt_AndTheReplicatorRestoresIt()
    {
        await using var db = await PrivateMariaDb.CreateAsync();
        await using var cluster = await StartAsync(db, new Dictionary<string, string>
        {
            ["ObjectServer:Auditor:IntervalSeconds"] = "1",
            ["ObjectServer:Auditor:BytesPerSecond"] = "0",
            ["ObjectServer:Auditor:FilesPerSecond"] = "0",
        });
        using var client = await ProbeClient.LoginAsync(cluster.ProxyUrl());
        await client.CreateContainerAsync(Container);
        var corpus = new ProbeCorpus(100, seed: 33);
        var tally = new UploadTally();
        await client.UploadAllAsync(corpus.Objects, Container, tally);
        var victim = corpus.Objects.MaxBy(o => o.Size)!;
        var id = (await cluster.Blobs.IdOfAsync("AUTH_test", Container, victim.Name))!;
        var path = cluster.Blobs.DataPath(3, "d1", id);
        var good = await File.ReadAllBytesAsync(cluster.Blobs.DataPath(1, "d1", id));
        Assert.That(await File.ReadAllBytesAsync(path), Is.EqualTo(good), "the three replicas start identical");

        var bad = (byte[])good.Clone();
        bad[victim.Size / 2] ^= 0xFF; // a body byte: the footer still parses, only the MD5 can tell
        await File.WriteAllBytesAsync(path, bad);
        await Wait.UntilAsync(() => Task.FromResult(cluster.Blobs.Quarantined(id).Count > 0), "the auditor quarantines the bad copy", HealTimeout);
        await Wait.UntilAsync(() => Task.FromResult(File.Exists(path) && File.ReadAllBytes(path).AsSpan().SequenceEqual(good)),
            "a replicator puts a good copy back", HealTimeout);
        await WaitUntilCleanAsync(cluster);

        using var direct = await cluster.Http.GetAsync(cluster.Url("object", 3, $"/d1/{cluster.Blobs.ObjectRing().GetBlobPartition(id)}/blobs/{id}"));
        var served = await direct.Content.ReadAsByteArrayAsync();
        var (identical, problems) = await client.ReadBackAsync(corpus.Objects, Container);
        var quarantined = 0L;
        foreach (var host in cluster.Hosts)
        {
            quarantined += (long)JsonNode.Parse(await cluster.Http.GetStringAsync(cluster.Url("object", host.Number, "/recon/auditor")))!["totals"]!["quarantined"]!;
        }

        Assert.Multiple(() =>
        {
            Assert.That(cluster.Blobs.Quarantined(id), Has.Count.EqualTo(1), "the bad bytes are kept for an operator");
            Assert.That(quarantined, Is.EqualTo(1), "/recon/auditor counts the one bad copy");
            Assert.That(served, Is.EqualTo(victim.Content()), "host 3 serves the restored blob itself");
            Assert.That(problems, Is.Empty);
            Assert.That(identical, Is.EqualTo(corpus.Objects.Count));
        });
    }

    [Test]
    public async Task AddAHostThenRemoveOne_AReaderLoopingOverEveryObjectSeesNoFailure()
    {
        await using var db = await PrivateMariaDb.CreateAsync();
        await using var cluster = await StartAsync(db);
        using var client = await ProbeClient.LoginAsync(cluster.ProxyUrl());
        await client.CreateContainerAsync(Container);
        var corpus = new ProbeCorpus(300, seed: 44);
        var tally = new UploadTally();
        await client.UploadAllAsync(corpus.Objects, Container, tally);
        Assert.That(tally.Acknowledged, Has.Count.EqualTo(corpus.Objects.Count), tally.ToString());

        using var stop = new CancellationTokenSource();
        var reader = client.ReadLoopAsync(corpus.Objects, Container, stop.Token);
        var added = await cluster.AddHostAsync();
        var addHealed = await WaitUntilCleanAsync(cluster);
        var onNewHost = DataFiles(added.DevicesRoot);

        var removed = cluster.Host(2);
        await cluster.RemoveHostAsync(removed.Number);
        var removeHealed = await WaitUntilCleanAsync(cluster);
        await Wait.UntilAsync(() => Task.FromResult(DataFiles(removed.DevicesRoot) == 0),
            "the removed host has handed every blob over and holds none", HealTimeout);
        await stop.CancelAsync();
        var reads = await reader;
        cluster.StopHost(removed.Number);

        var (identical, problems) = await client.ReadBackAsync(corpus.Objects, Container);
        TestContext.Out.WriteLine($"added host held {onNewHost} blobs {addHealed.TotalSeconds:F0} s after the rebalance; " +
            $"the removal healed in {removeHealed.TotalSeconds:F0} s; reader loop: {reads}; " +
            $"{identical} of {corpus.Objects.Count} read back byte-identical with host 2 stopped");
        Assert.Multiple(() =>
        {
            Assert.That(onNewHost, Is.GreaterThan(0), "the added host took its share");
            Assert.That(reads.Failures, Is.Zero, reads.ToString());
            Assert.That(reads.Reads, Is.GreaterThan(corpus.Objects.Count), "the loop read every object at least once");
            Assert.That(problems, Is.Empty);
            Assert.That(identical, Is.EqualTo(corpus.Objects.Count));
        });
    }

    // Three hosts, replicator every second on every object server, plus what a probe adds.
    private static async Task<MultiHostCluster> StartAsync(PrivateMariaDb db, IReadOnlyDictionary<string, string>? objectSettings = null)
    {
        var settings = new Dictionary<string, string> { ["ObjectServer:Replication:IntervalSeconds"] = "1" };
        foreach (var (key, value) in objectSettings ?? new Dictionary<string, string>())
        {
            settings[key] = value;
        }

        var cluster = new MultiHostCluster(await db.CreateDatabaseAsync("cloudfs"),
            settings: new Dictionary<string, IReadOnlyDictionary<string, string>> { ["object"] = settings });
        await cluster.StartAsync();
        return cluster;
    }

    // Polls `cloudfs fsck` until it exits 0; how long that took.
    private static async Task<TimeSpan> WaitUntilCleanAsync(MultiHostCluster cluster)
    {
        var clock = Stopwatch.StartNew();
        ToolRunner.Result? last = null;
        try
        {
            await Wait.UntilAsync(async () => (last = await cluster.FsckAsync("--grace", "0")).ExitCode == 0, "cloudfs fsck is clean", HealTimeout);
        }
        finally
        {
            if (last is { ExitCode: not 0 })
            {
                TestContext.Out.WriteLine($"last fsck: {last}");
            }
        }

        return clock.Elapsed;
    }

    private static int DataFiles(string root) =>
        Directory.Exists(root) ? Directory.EnumerateFiles(root, "*.data", SearchOption.AllDirectories).Count(f => !f.Contains("/quarantined/", StringComparison.Ordinal)) : 0;

    private static async Task<long> PushedAsync(MultiHostCluster cluster)
    {
        long pushed = 0;
        foreach (var host in cluster.Hosts)
        {
            var recon = JsonNode.Parse(await cluster.Http.GetStringAsync(cluster.Url("object", host.Number, "/recon/replication")))!;
            pushed += (long)recon["totals"]!["blobs_pushed"]!;
        }

        return pushed;
    }
}
