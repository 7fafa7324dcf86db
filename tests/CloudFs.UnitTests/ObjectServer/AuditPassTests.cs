using CloudFs.Common.Policies;
using CloudFs.ObjectServer.Auditing;
using CloudFs.ObjectServer.Daemons;
using CloudFs.ObjectServer.Storage;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace CloudFs.UnitTests.ObjectServer;

public class AuditPassTests
{
    private static readonly StoragePolicyTable TwoPolicies = StoragePolicyTable.Create(
    [
        new StoragePolicyConfig { Index = 0, Name = "Policy-0", Default = true },
        new StoragePolicyConfig { Index = 1, Name = "silver" },
    ]);

    private string _root = "";
    private BlobStore _store = null!;
    private AuditStats _stats = null!;

    [SetUp]
    public void SetUp()
    {
        _root = TestBlobs.NewRoot("sda", "sdb");
        _store = TestBlobs.NewStore(_root);
        _stats = new AuditStats(TimeProvider.System);
    }

    [TearDown]
    public void TearDown() => TestBlobs.DeleteRoot(_root);

    private AuditPass NewPass(DeviceCheck? devices = null) =>
        new(_store, new Auditor(_store), devices ?? new DeviceCheck(_store.Layout, false, _ => null, NullLogger<DeviceCheck>.Instance),
            TwoPolicies, _stats, NullLogger<AuditPass>.Instance);

    private static BytePacer Unlimited() => new(0, TimeProvider.System);

    private async Task<BlobAddress> PutAsync(BlobAddress address, int size = 10_000)
    {
        var put = await _store.PutAsync(address, TestBlobs.Request(TestBlobs.RandomBytes(size)), CancellationToken.None);
        Assert.That(put.IsSuccess, Is.True, put.Error?.Message);
        return address;
    }

    private void FlipByte(BlobAddress address, long offsetFromStart)
    {
        using var stream = new FileStream(_store.Layout.DataPath(address), FileMode.Open, FileAccess.ReadWrite);
        stream.Position = offsetFromStart >= 0 ? offsetFromStart : stream.Length + offsetFromStart;
        var b = stream.ReadByte();
        stream.Position--;
        stream.WriteByte((byte)(b ^ 0x5A));
    }

    [Test]
    public async Task RunAsync_GoodBlobsOnEveryDeviceAndPolicy_AllCheckedNoneQuarantined()
    {
        await PutAsync(new BlobAddress("sda", 1, TestBlobs.NewId()), 1000);
        await PutAsync(new BlobAddress("sda", 2, TestBlobs.NewId()), 2000);
        await PutAsync(new BlobAddress("sdb", 1, TestBlobs.NewId(), Policy: 1), 3000);
        await PutAsync(new BlobAddress("sdb", 3, TestBlobs.NewId()), 0);

        var figures = await NewPass().RunAsync(Unlimited(), Unlimited(), CancellationToken.None);

        Assert.That(figures, Is.Not.Null);
        Assert.That(figures!.BlobsChecked, Is.EqualTo(4));
        Assert.That(figures.BytesRead, Is.EqualTo(6000));
        Assert.That(figures.Quarantined, Is.Zero);
        Assert.That(figures.Errors, Is.Zero);
        Assert.That(figures.End, Is.Not.Null);
        Assert.That(Directory.Exists(Path.Combine(_root, "sda", "quarantined")), Is.False);
    }

    [Test]
    public async Task RunAsync_FlippedBodyByte_QuarantinedAndCounted()
    {
        var good = await PutAsync(new BlobAddress("sda", 1, TestBlobs.NewId()));
        var bad = await PutAsync(new BlobAddress("sda", 1, TestBlobs.NewId()));
        FlipByte(bad, 5000);

        var figures = await NewPass().RunAsync(Unlimited(), Unlimited(), CancellationToken.None);

        Assert.That(figures!.BlobsChecked, Is.EqualTo(2));
        Assert.That(figures.Quarantined, Is.EqualTo(1));
        Assert.That(File.Exists(_store.Layout.DataPath(bad)), Is.False);
        Assert.That(File.Exists(Path.Combine(_store.Layout.QuarantineDir("sda"), bad.Id.Value + ".data")), Is.True);
        Assert.That(File.Exists(_store.Layout.DataPath(good)), Is.True);
    }

    [Test]
    public async Task RunAsync_DamagedFooter_CountsAsQuarantined()
    {
        var bad = await PutAsync(new BlobAddress("sda", 4, TestBlobs.NewId(), Policy: 1));
        FlipByte(bad, -10);

        var figures = await NewPass().RunAsync(Unlimited(), Unlimited(), CancellationToken.None);

        Assert.That(figures!.Quarantined, Is.EqualTo(1));
        Assert.That(figures.Errors, Is.Zero);
        Assert.That(File.Exists(Path.Combine(_store.Layout.QuarantineDir("sda", 1), bad.Id.Value + ".data")), Is.True);
    }

    [Test]
    public async Task RunAsync_TombstonesOnly_NothingChecked()
    {
        var address = await PutAsync(new BlobAddress("sda", 1, TestBlobs.NewId()));
        await _store.DeleteAsync(address, null, CancellationToken.None);

        var figures = await NewPass().RunAsync(Unlimited(), Unlimited(), CancellationToken.None);

        Assert.That(figures!.BlobsChecked, Is.Zero);
        Assert.That(figures.Errors, Is.Zero);
    }

    [Test]
    public async Task RunAsync_DeviceNotMounted_Skipped()
    {
        await PutAsync(new BlobAddress("sda", 1, TestBlobs.NewId()));
        var bad = await PutAsync(new BlobAddress("sdb", 1, TestBlobs.NewId()));
        FlipByte(bad, 100);
        var devices = new DeviceCheck(_store.Layout, true, path => path == _store.Layout.Device("sda"), NullLogger<DeviceCheck>.Instance);

        var figures = await NewPass(devices).RunAsync(Unlimited(), Unlimited(), CancellationToken.None);

        Assert.That(figures!.BlobsChecked, Is.EqualTo(1));
        Assert.That(figures.Quarantined, Is.Zero);
        Assert.That(File.Exists(_store.Layout.DataPath(bad)), Is.True, "an unmounted device is not read");
    }

    [Test]
    public async Task RunAsync_BlobDeletedAfterListing_NotAnError()
    {
        // Two blobs in one suffix directory are listed together, before either is read.
        var (first, second) = TwoIdsWithOneSuffix();
        await PutAsync(new BlobAddress("sda", 1, first));
        var gone = await PutAsync(new BlobAddress("sda", 1, second));
        var time = new FakeTimeProvider();
        var files = new BytePacer(1, time); // the pass waits about a second (fake) after the first blob
        var running = NewPass().RunAsync(Unlimited(), files, CancellationToken.None);
        await UntilAsync(() => _stats.Snapshot().CurrentPass?.BlobsChecked == 1);

        await _store.DeleteAsync(gone, null, CancellationToken.None);
        await UntilAsync(() =>
        {
            time.Advance(TimeSpan.FromSeconds(1));
            return running.IsCompleted;
        });
        var figures = await running;

        Assert.That(figures!.BlobsChecked, Is.EqualTo(1));
        Assert.That(figures.Errors, Is.Zero);
        Assert.That(_stats.Snapshot().LastPass, Is.EqualTo(figures));
    }

    [Test]
    public async Task RunAsync_Cancelled_PassAbandonedNotCompleted()
    {
        await PutAsync(new BlobAddress("sda", 1, TestBlobs.NewId()));
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        Assert.CatchAsync<OperationCanceledException>(() => NewPass().RunAsync(Unlimited(), Unlimited(), cancelled.Token));
        var snapshot = _stats.Snapshot();
        Assert.That(snapshot.LastPass, Is.Null);
        Assert.That(snapshot.CurrentPass, Is.Null);
        Assert.That(snapshot.Totals.PassesCompleted, Is.Zero);
    }

    private static (BlobId, BlobId) TwoIdsWithOneSuffix()
    {
        var seen = new Dictionary<string, BlobId>();
        while (true)
        {
            var id = TestBlobs.NewId();
            if (seen.TryGetValue(DeviceLayout.Suffix(id), out var other))
            {
                return string.CompareOrdinal(other.Value, id.Value) < 0 ? (other, id) : (id, other);
            }

            seen[DeviceLayout.Suffix(id)] = id;
        }
    }

    private static async Task UntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!condition())
        {
            Assert.That(DateTime.UtcNow, Is.LessThan(deadline), "timed out");
            await Task.Delay(10);
        }
    }
}
