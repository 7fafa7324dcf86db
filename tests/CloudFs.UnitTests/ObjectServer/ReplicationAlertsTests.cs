using CloudFs.Common.Hosting;
using CloudFs.ObjectServer.Replication;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace CloudFs.UnitTests.ObjectServer;

public class ReplicationAlertsTests
{
    private string _dir = null!;

    [SetUp]
    public void CreateDirectory() => _dir = Directory.CreateTempSubdirectory("cloudfs-replication-alerts-").FullName;

    [TearDown]
    public void DeleteDirectory() => Directory.Delete(_dir, recursive: true);

    [Test]
    public void Current_NoPassFinishedForTheLimit_RaisesReplicationStalled_APassClearsIt()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 12, 2, 0, 0, 0, TimeSpan.Zero));
        var stats = new ReplicationStats(time);
        var alerts = Create(stats, time, new ReplicationOptions { IntervalSeconds = 30, StalledSeconds = 600 });

        var fresh = alerts.Current().ToList();
        time.Advance(TimeSpan.FromSeconds(601));
        var neverFinished = alerts.Current().ToList();
        stats.BeginPass(1);
        stats.EndPass();
        var afterPass = alerts.Current().ToList();
        time.Advance(TimeSpan.FromSeconds(601));
        var stalled = alerts.Current().ToList();

        Assert.Multiple(() =>
        {
            Assert.That(fresh, Is.Empty);
            Assert.That(neverFinished.Select(a => a.Kind), Is.EqualTo(new[] { "replication_stalled" }));
            Assert.That(neverFinished[0].Detail, Does.Contain("since start"));
            Assert.That(afterPass, Is.Empty);
            Assert.That(stalled.Single().Detail, Does.Contain("601 s ago"));
        });
    }

    [Test]
    public void Current_ReplicationOff_NeverStalls()
    {
        var time = new FakeTimeProvider();
        var alerts = Create(new ReplicationStats(time), time, new ReplicationOptions { IntervalSeconds = 0, StalledSeconds = 1 });

        time.Advance(TimeSpan.FromDays(1));

        Assert.That(alerts.Current(), Is.Empty);
    }

    private ReplicationAlerts Create(ReplicationStats stats, TimeProvider time, ReplicationOptions options) =>
        new(stats, new ServerInfo(ServerRole.Object, NodeIdentity.LoadOrCreate(_dir), null, time), Options.Create(options), time);
}
