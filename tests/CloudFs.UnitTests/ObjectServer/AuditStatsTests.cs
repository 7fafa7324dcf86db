using CloudFs.ObjectServer.Auditing;
using Microsoft.Extensions.Time.Testing;

namespace CloudFs.UnitTests.ObjectServer;

public class AuditStatsTests
{
    [Test]
    public void Snapshot_DuringAndAfterPasses_CurrentLastAndTotals()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 12, 1, 12, 0, 0, TimeSpan.Zero));
        var stats = new AuditStats(time);

        stats.PassStarted();
        stats.BlobChecked(100, quarantined: false);
        stats.BlobChecked(50, quarantined: true);
        stats.Error();
        var during = stats.Snapshot();
        time.Advance(TimeSpan.FromSeconds(30));
        var first = stats.PassCompleted();
        stats.PassStarted();
        stats.BlobChecked(7, quarantined: false);
        var after = stats.Snapshot();

        Assert.That(during.LastPass, Is.Null);
        Assert.That(during.CurrentPass, Is.EqualTo(new AuditPassFigures(time.Start, null, 2, 150, 1, 1)));
        Assert.That(first, Is.EqualTo(new AuditPassFigures(time.Start, time.Start.AddSeconds(30), 2, 150, 1, 1)));
        Assert.That(after.LastPass, Is.EqualTo(first));
        Assert.That(after.CurrentPass!.BlobsChecked, Is.EqualTo(1));
        Assert.That(after.Totals, Is.EqualTo(new AuditTotals(1, 3, 157, 1, 1)));
    }

    [Test]
    public void PassAbandoned_CountsKeptInTotalsOnly()
    {
        var stats = new AuditStats(new FakeTimeProvider());
        stats.PassStarted();
        stats.BlobChecked(10, quarantined: true);

        stats.PassAbandoned();

        var snapshot = stats.Snapshot();
        Assert.That(snapshot.CurrentPass, Is.Null);
        Assert.That(snapshot.LastPass, Is.Null);
        Assert.That(snapshot.Totals, Is.EqualTo(new AuditTotals(0, 1, 10, 1, 0)));
        Assert.That(stats.PassCompleted(), Is.Null, "nothing running to complete");
    }

    [Test]
    public async Task Snapshot_ConcurrentUpdates_NothingLost()
    {
        var stats = new AuditStats(new FakeTimeProvider());
        stats.PassStarted();

        await Task.WhenAll(Enumerable.Range(0, 8).Select(worker => Task.Run(() =>
        {
            for (var i = 0; i < 1000; i++)
            {
                stats.BlobChecked(1, quarantined: false);
                _ = stats.Snapshot();
            }
        })));

        Assert.That(stats.Snapshot().CurrentPass!.BlobsChecked, Is.EqualTo(8000));
        Assert.That(stats.Snapshot().Totals.BytesRead, Is.EqualTo(8000));
    }
}
