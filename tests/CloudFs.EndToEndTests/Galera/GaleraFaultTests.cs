using System.Diagnostics;
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
        await using var cluster = await StartCloudFsAsync(galera);
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
        await Wait.UntilAsync(async () => await cluster.JournalDepthAsync() == 0, "every account server's journal is replayed", TimeSpan.FromSeconds(90));

        var listed = await client.ListAsync(Container);
        var (identical, problems) = await client.ReadBackAsync(corpus.Objects.Where(o => tally.Acknowledged.ContainsKey(o.Name)), Container);
        var (objects, bytes) = await client.HeadContainerAsync(Container);
        var usage = await cluster.CliAsync("usage-check", "AUTH_test");
        var fsck = await CleanFsckAsync(cluster);
        // Not asserted (a commit may still meet a pooled connection to the dead node twice), but
        // with another node answering the journal should stay out of it.
        var journaled = await cluster.JournaledAsync();
        TestContext.Out.WriteLine($"database node {writer} (the writing account server's) killed after {killedAfter} answers, rejoined after " +
            $"{rejoinedAfter} (caught up in {rejoin.Elapsed.TotalSeconds:F1} s); uploads: {tally}; {journaled} commits journaled; {identical} of {Objects} read back byte-identical; " +
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
            Assert.That(fsck.ExitCode, Is.Zero, fsck.ToString());
        });
    }

    [Test]
    public async Task KillTwoOfThreeDbNodes_TheSurvivorHasNoQuorum_CommitsWaitInTheJournal_NothingLostWhenTheyReturn()
    {
        const int objects = 300;
        await using var galera = await GaleraCluster.StartAsync();
        await using var cluster = await StartCloudFsAsync(galera);
        var writer = WritingHost(cluster, "AUTH_test");
        var others = Enumerable.Range(1, 3).Where(n => n != writer).ToList();
        using var client = await ProbeClient.LoginAsync(cluster.ProxyUrl());
        await client.CreateContainerAsync(Container);
        var corpus = new ProbeCorpus(objects);
        // Uploads held open across the loss of quorum (admitted, first chunk stored): their commits must wait in a journal.
        var held = corpus.Objects.Where(o => o.Size >= 80 * 1024).Take(6).ToList();
        var rest = corpus.Objects.Except(held).ToList();
        var tally = new UploadTally();
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var heldUploads = held.Select(o => client.UploadAsync(o, Container, tally, new GatedContent(o.Content(), 65 * 1024, gate.Task))).ToList();
        await Wait.UntilAsync(() => Task.FromResult(cluster.TempFiles() >= held.Count * cluster.Replicas),
            "every held upload is admitted and writing on its replicas", TimeSpan.FromSeconds(60));
        var bulk = client.UploadAllAsync(rest, Container, tally);
        await Wait.UntilAsync(() => Task.FromResult(tally.Done >= rest.Count / 3 || bulk.IsCompleted), "a third of the uploads answered", TimeSpan.FromSeconds(120));

        await Task.WhenAll(others.Select(galera.KillAsync));
        var answeredBefore = tally.Done;
        gate.SetResult();
        await Task.WhenAll(heldUploads);
        var journaled = await cluster.JournalDepthAsync();
        var retriedBefore = tally.Retried503;
        // The survivor answers nothing but "not prepared" until the others are back.
        await Wait.UntilAsync(() => Task.FromResult(tally.Retried503 > retriedBefore + 5 || bulk.IsCompleted), "uploads answered 503 without quorum", TimeSpan.FromSeconds(60));
        var refused = tally.Retried503 - retriedBefore;
        TestContext.Out.WriteLine($"without quorum: {await galera.DescribeAsync()}");
        await galera.RejoinAsync([.. others]);
        TestContext.Out.WriteLine($"after the rejoin: {await galera.DescribeAsync()}");

        await bulk;
        await Wait.UntilAsync(async () => await cluster.JournalDepthAsync() == 0, "every account server's journal is replayed", TimeSpan.FromSeconds(90));

        var listed = await client.ListAsync(Container);
        var (identical, problems) = await client.ReadBackAsync(corpus.Objects.Where(o => tally.Acknowledged.ContainsKey(o.Name)), Container);
        var (count, bytes) = await client.HeadContainerAsync(Container);
        var usage = await cluster.CliAsync("usage-check", "AUTH_test");
        var fsck = await CleanFsckAsync(cluster);
        TestContext.Out.WriteLine($"database nodes {string.Join(" and ", others)} killed after {answeredBefore} answers, node {writer} left without quorum; " +
            $"{journaled} commits in the journals, {refused} uploads answered 503 meanwhile; uploads: {tally}; {identical} of {objects} read back byte-identical");

        Assert.Multiple(() =>
        {
            Assert.That(tally.Failed, Is.Empty, tally.ToString());
            Assert.That(held.All(o => tally.Acknowledged.ContainsKey(o.Name)), Is.True, "the held uploads were answered 201 without quorum");
            Assert.That(journaled, Is.GreaterThanOrEqualTo(held.Count), "the held uploads' commits waited in a journal");
            Assert.That(refused, Is.GreaterThan(0), "uploads were refused with 503 while there was no quorum");
            Assert.That(tally.Acknowledged, Has.Count.EqualTo(objects));
            Assert.That(listed, Is.Unique);
            Assert.That(listed, Is.EquivalentTo(tally.Acknowledged.Keys));
            Assert.That(problems, Is.Empty);
            Assert.That(identical, Is.EqualTo(objects));
            Assert.That(count, Is.EqualTo(objects));
            Assert.That(bytes, Is.EqualTo(corpus.TotalBytes));
            Assert.That(usage.Output, Does.Contain("usage counters match the rows"), usage.ToString());
            Assert.That(fsck.ExitCode, Is.Zero, fsck.ToString());
        });
    }

    // Three CloudFs hosts, each on its own node first; journal replay and replication every second.
    private static async Task<MultiHostCluster> StartCloudFsAsync(GaleraCluster galera)
    {
        var cluster = new MultiHostCluster(galera.CatalogFor(1), hostCatalog: galera.CatalogFor,
            settings: new Dictionary<string, IReadOnlyDictionary<string, string>>
            {
                ["account"] = new Dictionary<string, string> { ["AccountServer:JournalReplaySeconds"] = "1" },
                ["container"] = new Dictionary<string, string> { ["Catalog:SyncWait"] = "1" },
                ["object"] = new Dictionary<string, string> { ["ObjectServer:Replication:IntervalSeconds"] = "1" },
            });
        try
        {
            await cluster.StartAsync();
            return cluster;
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }
    }

    // fsck until it is clean (a replica written while a node was away may still be on its way
    // home) or two minutes have passed; the last run either way, so a failure shows what it found.
    private static async Task<ToolRunner.Result> CleanFsckAsync(MultiHostCluster cluster)
    {
        var deadline = DateTime.UtcNow.AddSeconds(120);
        while (true)
        {
            var fsck = await cluster.FsckAsync("--grace", "0");
            if (fsck.ExitCode == 0 || DateTime.UtcNow > deadline)
            {
                return fsck;
            }

            await Task.Delay(TimeSpan.FromSeconds(3));
        }
    }

    // The proxy writes an account's rows through the first of its partition's writers in the account ring.
    private static int WritingHost(MultiHostCluster cluster, string account)
    {
        var ring = new HashRing(RingFile.Load(Path.Combine(cluster.RingDir, "account.ring")), RoleConfigFiles.HashPathPrefix, RoleConfigFiles.HashPathSuffix);
        var first = ring.GetWriters(ring.GetPartition(account))[0];
        return cluster.Hosts.Single(h => h.Address == first.Ip).Number;
    }
}
