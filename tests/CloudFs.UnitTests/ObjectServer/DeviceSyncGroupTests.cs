using CloudFs.ObjectServer.Storage;

namespace CloudFs.UnitTests.ObjectServer;

public class DeviceSyncGroupTests
{
    private string _root = "";

    [SetUp]
    public void SetUp() => _root = TestBlobs.NewRoot("sda");

    [TearDown]
    public void TearDown() => TestBlobs.DeleteRoot(_root);

    private string Device => Path.Combine(_root, "sda");

    [Test]
    public async Task Flush_RunsARealSyncfs_AndClosesTheHandleOnceIdle()
    {
        var group = new DeviceSyncGroup("sda", Device);
        await File.WriteAllTextAsync(Path.Combine(Device, "a"), "written before the flush");

        using (var ticket = group.Enter())
        {
            Assert.That(group.IsOpen, Is.True);
            await ticket.FlushAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(30));
        }

        Assert.That(group.Syncs, Is.EqualTo(1));
        Assert.That(await EventuallyAsync(() => !group.IsOpen), Is.True, "the handle stays open with no ticket held");
    }

    [Test]
    public async Task RequestsArrivingDuringASync_WaitForTheNextOne_AndShareIt()
    {
        var syncs = new List<SemaphoreSlim>();
        var started = new SemaphoreSlim(0);
        var group = new DeviceSyncGroup("sda", Device, _ =>
        {
            var release = new SemaphoreSlim(0);
            lock (syncs)
            {
                syncs.Add(release);
            }

            started.Release();
            release.Wait();
        });

        using var first = group.Enter();
        var firstDone = first.FlushAsync(CancellationToken.None);
        Assert.That(await started.WaitAsync(TimeSpan.FromSeconds(10)), Is.True);

        // Ten requests finish writing while the first sync runs: it began before their writes.
        var later = Enumerable.Range(0, 10).Select(_ => group.Enter()).ToList();
        var laterDone = later.Select(t => t.FlushAsync(CancellationToken.None)).ToList();
        syncs[0].Release();
        await firstDone.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.That(await started.WaitAsync(TimeSpan.FromSeconds(10)), Is.True, "no second sync for the later requests");
        Assert.That(laterDone.Any(t => t.IsCompleted), Is.False, "a later request was answered by the sync that began before it");
        syncs[1].Release();
        await Task.WhenAll(laterDone).WaitAsync(TimeSpan.FromSeconds(10));

        Assert.That(group.Syncs, Is.EqualTo(2), "the ten later requests should share one sync");
        later.ForEach(t => t.Dispose());
    }

    [Test]
    public async Task FailedSync_FailsEveryRequestItAnswers_AndTheNextSyncStartsClean()
    {
        var calls = 0;
        var group = new DeviceSyncGroup("sda", Device, _ =>
        {
            if (Interlocked.Increment(ref calls) == 1)
            {
                throw new IOException("syncfs failed (errno 5).", 5);
            }
        });

        using (var ticket = group.Enter())
        {
            Assert.ThrowsAsync<IOException>(() => ticket.FlushAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10)));
        }

        using (var ticket = group.Enter())
        {
            await ticket.FlushAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10));
        }

        Assert.That(calls, Is.EqualTo(2));
    }

    [Test]
    public void Enter_MissingDeviceDirectory_ThrowsIOException()
    {
        var group = new DeviceSyncGroup("sdz", Path.Combine(_root, "sdz"));

        Assert.Throws<IOException>(() => group.Enter());
        Assert.That(group.IsOpen, Is.False);
    }

    [Test]
    public async Task ManyConcurrentWriters_AllAnswered_AtMostOneSyncEach_ThenTheHandleCloses()
    {
        var group = new DeviceSyncGroup("sda", Device);

        await Task.WhenAll(Enumerable.Range(0, 64).Select(i => Task.Run(async () =>
        {
            using var ticket = group.Enter();
            await File.WriteAllBytesAsync(Path.Combine(Device, $"f{i}"), new byte[4096]);
            await ticket.FlushAsync(CancellationToken.None);
        }))).WaitAsync(TimeSpan.FromSeconds(60));

        // How many share a sync depends on timing (RequestsArrivingDuringASync... pins it down).
        Assert.That(group.Syncs, Is.InRange(1, 64));
        Assert.That(await EventuallyAsync(() => !group.IsOpen), Is.True);
    }

    private static async Task<bool> EventuallyAsync(Func<bool> condition)
    {
        for (var i = 0; i < 100 && !condition(); i++)
        {
            await Task.Delay(20);
        }

        return condition();
    }
}
