using System.Text.Json.Nodes;
using CloudFs.EndToEndTests.Cluster;
using CloudFs.EndToEndTests.Healing;

namespace CloudFs.EndToEndTests.Foundation;

/// <summary>
/// The multi-host test cluster the healing probes stand on: blobs land where the object ring
/// says, a new host's devices are used as soon as the servers reload the rebalanced rings, a
/// removed host leaves the rings but keeps running, and the kill, restart, wipe and fsck tools work.
/// </summary>
[Category("E2E")]
public class MultiHostClusterTests
{
    private const string Container = "hosts";

    [Test]
    public async Task AddKillWipeRemove_RingsAndServersFollow()
    {
        await using var db = await PrivateMariaDb.CreateAsync();
        await using var cluster = new MultiHostCluster(await db.CreateDatabaseAsync("cloudfs"));
        await cluster.StartAsync();
        using var client = await ProbeClient.LoginAsync(cluster.ProxyUrl());
        await client.CreateContainerAsync(Container);
        var corpus = new ProbeCorpus(60, seed: 3);
        var tally = new UploadTally();
        ReadLoopResult steady;
        await client.UploadAllAsync(corpus.Objects.Take(20), Container, tally);
        var placedAsTheRingSays = await PlacedAsTheRingSaysAsync(cluster, corpus.Objects.Take(20));
        // A few seconds of the reader loop the rebalance probes run, on a cluster at rest: every read a 200 with the right bytes.
        using (var stop = new CancellationTokenSource(TimeSpan.FromSeconds(3)))
        {
            steady = await client.ReadLoopAsync([.. corpus.Objects.Take(20)], Container, stop.Token);
        }

        var added = await cluster.AddHostAsync();
        var zones = cluster.Blobs.ObjectRing().Devices.Select(d => d.Zone).Distinct().Count();
        var next = 20;
        // The proxy sees the new ring within Server:RingCheckSeconds (1 s): upload until a blob lands on the new host.
        await Wait.UntilAsync(async () =>
        {
            await client.UploadAsync(corpus.Objects[next++], Container, tally);
            return cluster.Blobs.All().Any(f => f.StartsWith(added.DevicesRoot, StringComparison.Ordinal)) || next == corpus.Objects.Count;
        }, "a new upload is stored on the added host", TimeSpan.FromSeconds(60));
        var usedTheNewHost = next < corpus.Objects.Count;
        var afterAdd = await PlacedAsTheRingSaysAsync(cluster, corpus.Objects.Skip(next - 1).Take(1));

        cluster.Kill("object", 2);
        var killed = cluster.Server("object", 2).HasExited;
        await cluster.RestartAsync("object", 2);

        cluster.Blobs.WipeDevice(3, "d1");
        var wiped = Directory.EnumerateFileSystemEntries(cluster.Host(3).DevicePath("d1")).Count();
        var fsck = await cluster.FsckAsync("--grace", "0");
        var summary = JsonNode.Parse(fsck.Output.TrimEnd().Split('\n')[^1])!;

        await cluster.RemoveHostAsync(added.Number);
        var ringAddresses = cluster.Blobs.ObjectRing().Devices.Select(d => d.Ip).ToList();
        var stillRunning = !cluster.Server("object", added.Number).HasExited;
        cluster.StopHost(added.Number);

        Assert.Multiple(() =>
        {
            Assert.That(tally.Failed, Is.Empty, tally.ToString());
            Assert.That(placedAsTheRingSays, Is.True, "each blob on the devices of its three primaries, at DeviceLayout's path");
            Assert.That(steady.Reads, Is.GreaterThan(0), steady.ToString());
            Assert.That(steady.Failures, Is.Zero, steady.ToString());
            Assert.That(zones, Is.EqualTo(4), "the added host is a fourth zone");
            Assert.That(usedTheNewHost, Is.True, "uploads reached the added host once the rings were reloaded");
            Assert.That(afterAdd, Is.True, "after the add, blobs land where the rebalanced ring says");
            Assert.That(killed, Is.True, "kill -9 ends the object server");
            Assert.That(wiped, Is.Zero, "a wiped device is empty");
            Assert.That((long?)summary["missing_replicas"], Is.GreaterThan(0), fsck.Output);
            Assert.That(ringAddresses, Does.Not.Contain(added.Address), "the removed host's devices left the ring");
            Assert.That(added.InRings, Is.False);
            Assert.That(stillRunning, Is.True, "a removed host keeps running until its data is handed over");
        });
    }

    // Every object's blob (looked up in the catalog) is on exactly its primaries' devices, at the DeviceLayout path.
    private static async Task<bool> PlacedAsTheRingSaysAsync(MultiHostCluster cluster, IEnumerable<ProbeObject> objects)
    {
        foreach (var o in objects)
        {
            var blobId = await cluster.Blobs.IdOfAsync("AUTH_test", Container, o.Name) ?? throw new AssertionException($"no blob id for {o.Name}");
            var expected = cluster.Blobs.Primaries(blobId).Select(p => cluster.Blobs.DataPath(p.Host.Number, p.Device, blobId)).Order();
            if (!cluster.Blobs.Files(blobId).Order().SequenceEqual(expected))
            {
                TestContext.Out.WriteLine($"{o.Name} ({blobId}): on {string.Join(", ", cluster.Blobs.Files(blobId))}; expected {string.Join(", ", expected)}");
                return false;
            }
        }

        return true;
    }
}
