using CloudFs.AccountServer;
using CloudFs.AccountServer.Journal;
using CloudFs.Common.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CloudFs.UnitTests.AccountServer.Journal;

public class CommitJournalTests
{
    private string _dir = null!;

    [SetUp]
    public void CreateDirectory() => _dir = Directory.CreateTempSubdirectory("cloudfs-journal-").FullName;

    [TearDown]
    public void DeleteDirectory() => Directory.Delete(_dir, recursive: true);

    [Test]
    public async Task Open_CorruptMiddleLine_IsSetAsideAndLaterEntriesStay()
    {
        var path = Path.Combine(_dir, "pending.jsonl");
        await File.WriteAllTextAsync(path, JournalLinesTests.Line(1) + "\n" + "{\"seq\":2,\"acc\u0000garbage\n" + JournalLinesTests.Line(3) + "\n");

        var journal = Open();
        var pending = await journal.PendingAsync(CancellationToken.None);

        Assert.That(pending.Select(e => e.Sequence), Is.EqualTo(new long[] { 1, 3 }));
        Assert.That(journal.Count, Is.EqualTo(2));
        Assert.That(journal.CorruptLines, Is.EqualTo(1));
        var aside = await File.ReadAllLinesAsync(journal.CorruptPath);
        Assert.That(aside, Has.Length.EqualTo(1));
        Assert.That(aside[0], Does.EndWith("{\"seq\":2,\"acc\u0000garbage"), "the line is kept as it was, after the time");
        Assert.That(await File.ReadAllLinesAsync(path), Has.Length.EqualTo(2), "the journal itself holds only intact entries now");
    }

    [Test]
    public async Task Append_AfterATornLastLine_IsNotGluedToIt()
    {
        var path = Path.Combine(_dir, "pending.jsonl");
        await File.WriteAllTextAsync(path, JournalLinesTests.Line(1) + "\n" + "{\"seq\":2,\"acc");

        var journal = Open();
        await journal.AppendAsync(seq => JournalLinesTests.Entry(seq), CancellationToken.None);
        var reopened = Open();

        Assert.That((await reopened.PendingAsync(CancellationToken.None)).Select(e => e.Sequence), Is.EqualTo(new long[] { 1, 2 }));
        Assert.That(reopened.CorruptLines, Is.Zero, "the torn line was set aside once, by the first open");
    }

    [Test]
    public async Task RemoveThrough_DropsReplayedEntries()
    {
        var journal = Open();
        for (var i = 0; i < 3; i++)
        {
            await journal.AppendAsync(seq => JournalLinesTests.Entry(seq), CancellationToken.None);
        }

        await journal.RemoveThroughAsync(2, CancellationToken.None);

        Assert.That((await Open().PendingAsync(CancellationToken.None)).Select(e => e.Sequence), Is.EqualTo(new long[] { 3 }));
        Assert.That(File.Exists(Path.Combine(_dir, "pending.jsonl.tmp")), Is.False);
    }

    private CommitJournal Open() => new(Options.Create(new AccountServerOptions { JournalDir = _dir }), Options.Create(new ServerOptions { DataDir = _dir }),
        NullLogger<CommitJournal>.Instance, TimeProvider.System);
}
