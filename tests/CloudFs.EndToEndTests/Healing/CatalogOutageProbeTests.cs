using System.Diagnostics;
using System.Text.Json.Nodes;
using CloudFs.EndToEndTests.Cluster;

namespace CloudFs.EndToEndTests.Healing;

/// <summary>
/// Probe (issue 15): MariaDB stops, cleanly or with kill -9, while 300 uploads run on three
/// hosts. Commits the account servers cannot write go to their journals and still answer 201;
/// uploads the catalog cannot admit answer 503 and are retried by the client. When MariaDB is
/// back the journals replay: every acknowledged object is listed once, reads back
/// byte-identical, is counted once in the container's totals, and fsck finds nothing missing
/// or orphaned.
/// </summary>
[Category("E2E")]
[Category("Probe")]
public class CatalogOutageProbeTests
{
    private const string Container = "outage";
    private const int Objects = 300;

    // Uploads held open across the stop (admitted, first chunk stored), so the journal is
    // certain to take commits whatever the timing of the others.
    private const int Held = 6;

    [TestCase(false, TestName = "Uploads_MariaDbStoppedCleanly_JournalKeepsEveryCommit_NothingLostOrDoubled")]
    [TestCase(true, TestName = "Uploads_MariaDbKilled_JournalKeepsEveryCommit_NothingLostOrDoubled")]
    public async Task Uploads_MariaDbStopped_JournalKeepsEveryCommit_NothingLostOrDoubled(bool kill)
    {
        var clock = Stopwatch.StartNew();
        await using var db = await PrivateMariaDb.CreateAsync();
        var catalog = await db.CreateDatabaseAsync("cloudfs");
        await using var cluster = new MultiHostCluster(catalog, settings: new Dictionary<string, IReadOnlyDictionary<string, string>>
        {
            ["account"] = new Dictionary<string, string> { ["AccountServer:JournalReplaySeconds"] = "1" },
        });
        await cluster.StartAsync();
        using var client = await ProbeClient.LoginAsync(cluster.ProxyUrl());
        await client.CreateContainerAsync(Container);
        var corpus = new ProbeCorpus(Objects);
        var held = corpus.Objects.Where(o => o.Size >= 80 * 1024).Take(Held).ToList();
        var rest = corpus.Objects.Except(held).ToList();
        var tally = new UploadTally();
        var started = clock.Elapsed;

        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        // 65 KiB: more than the proxy's 64 KiB PUT chunk, so the first chunk reaches the object servers.
        var heldUploads = held.Select(o => client.UploadAsync(o, Container, tally, new GatedContent(o.Content(), 65 * 1024, gate.Task))).ToList();
        await Wait.UntilAsync(() => Task.FromResult(cluster.TempFiles() >= Held * cluster.Replicas),
            "every held upload is admitted and writing on its replicas", TimeSpan.FromSeconds(60));
        var bulk = client.UploadAllAsync(rest, Container, tally);
        await Wait.UntilAsync(() => Task.FromResult(tally.Done >= rest.Count / 3 || bulk.IsCompleted), "a third of the uploads answered", TimeSpan.FromSeconds(120));

        if (kill)
        {
            db.Kill();
        }
        else
        {
            await db.StopAsync();
        }

        var answeredBeforeStop = tally.Done;
        gate.SetResult();
        await Task.WhenAll(heldUploads);
        var journaled = await cluster.JournalDepthAsync();
        var stoppedFor = Stopwatch.StartNew();
        await db.StartAsync();
        stoppedFor.Stop();
        await bulk;
        await Wait.UntilAsync(async () => await cluster.JournalDepthAsync() == 0, "every account server's journal is replayed", TimeSpan.FromSeconds(90));

        var listed = await client.ListAsync(Container);
        var (identical, problems) = await client.ReadBackAsync(corpus.Objects.Where(o => tally.Acknowledged.ContainsKey(o.Name)), Container);
        var (objects, bytes) = await client.HeadContainerAsync(Container);
        var fsck = await cluster.FsckAsync("--grace", "0");
        var summary = JsonNode.Parse(fsck.Output.TrimEnd().Split('\n')[^1])!;
        TestContext.Out.WriteLine($"{(kill ? "kill -9" : "clean stop")} after {answeredBeforeStop} answers; uploads: {tally}; " +
            $"{journaled} commits in the journals at the stop; MariaDB back {stoppedFor.Elapsed.TotalSeconds:F1} s after the uploads resumed; " +
            $"{identical} of {Objects} read back byte-identical; {(clock.Elapsed - started).TotalSeconds:F0} s from the first upload to the end");

        Assert.Multiple(() =>
        {
            Assert.That(tally.Failed, Is.Empty, tally.ToString());
            Assert.That(held.All(o => tally.Acknowledged.ContainsKey(o.Name)), Is.True, "the held uploads were answered 201 with the database down");
            Assert.That(journaled, Is.GreaterThanOrEqualTo(Held), "the held uploads' commits waited in a journal");
            Assert.That(tally.Acknowledged, Has.Count.EqualTo(Objects), "every upload answered 201, at once or after retried 503s");
            Assert.That(listed, Is.Unique, "no object listed twice");
            Assert.That(listed, Is.EquivalentTo(tally.Acknowledged.Keys), "the listing holds exactly the acknowledged objects");
            Assert.That(problems, Is.Empty);
            Assert.That(identical, Is.EqualTo(tally.Acknowledged.Count), "every acknowledged object reads back byte-identical");
            Assert.That(objects, Is.EqualTo(Objects), "X-Container-Object-Count counts each object once");
            Assert.That(bytes, Is.EqualTo(corpus.TotalBytes), "X-Container-Bytes-Used counts each object's bytes once");
            Assert.That(fsck.ExitCode, Is.Zero, fsck.ToString());
            Assert.That((long?)summary["missing_replicas"], Is.Zero, fsck.Output);
            Assert.That((long?)summary["orphans"], Is.Zero, fsck.Output);
            Assert.That((long?)summary["usage_drifts"], Is.Zero, fsck.Output);
        });
    }
}
