using CloudFs.AccountServer;
using CloudFs.AccountServer.Journal;
using CloudFs.Common.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace CloudFs.UnitTests.AccountServer.Journal;

public class JournalAlertsTests
{
    private string _dir = null!;

    [SetUp]
    public void CreateDirectory() => _dir = Directory.CreateTempSubdirectory("cloudfs-journal-alerts-").FullName;

    [TearDown]
    public void DeleteDirectory() => Directory.Delete(_dir, recursive: true);

    [Test]
    public async Task Current_EntriesThatDoNotShrinkForTheLimit_RaiseJournalGrowing_ReplayClearsIt()
    {
        var path = Path.Combine(_dir, "pending.jsonl");
        await File.WriteAllTextAsync(path, JournalLinesTests.Line(1) + "\n" + JournalLinesTests.Line(2) + "\n");
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 12, 2, 0, 0, 0, TimeSpan.Zero));
        var journal = new CommitJournal(Options.Create(new AccountServerOptions { JournalDir = _dir }), Options.Create(new ServerOptions { DataDir = _dir }),
            NullLogger<CommitJournal>.Instance, time);
        var alerts = new JournalAlerts(journal, Options.Create(new AccountServerOptions { JournalAlertSeconds = 60 }), time);

        var atStart = alerts.Current().ToList();
        time.Advance(TimeSpan.FromSeconds(61));
        var stuck = alerts.Current().ToList();
        await journal.RemoveThroughAsync(1, CancellationToken.None);
        var shrunk = alerts.Current().ToList();
        time.Advance(TimeSpan.FromSeconds(61));
        var stuckAgain = alerts.Current().ToList();
        await journal.RemoveThroughAsync(2, CancellationToken.None);
        var empty = alerts.Current().ToList();

        Assert.Multiple(() =>
        {
            Assert.That(atStart, Is.Empty, "not stuck yet");
            Assert.That(stuck.Select(a => a.Kind), Is.EqualTo(new[] { "journal_growing" }));
            Assert.That(stuck[0].Detail, Does.Contain("holds 2 commits"));
            Assert.That(shrunk, Is.Empty, "replay got one through");
            Assert.That(stuckAgain, Has.Count.EqualTo(1), "the last entry stuck for another minute");
            Assert.That(empty, Is.Empty);
        });
    }
}
