using CloudFs.AccountServer.Core;
using CloudFs.AccountServer.Journal;
using CloudFs.Common.Contracts;

namespace CloudFs.UnitTests.AccountServer.Journal;

public class JournalLinesTests
{
    [Test]
    public void Parse_CorruptMiddleLine_KeepsTheEntriesAfterItInOrder()
    {
        var lines = new[] { Line(1), "{\"seq\":2,\"account\":\"AUTH_te", Line(3), Line(4) };

        var parsed = JournalLines.Parse(lines);

        Assert.That(parsed.Entries.Select(e => e.Sequence), Is.EqualTo(new long[] { 1, 3, 4 }));
        Assert.That(parsed.Corrupt, Is.EqualTo(new[] { "{\"seq\":2,\"account\":\"AUTH_te" }));
    }

    [Test]
    public void Parse_JsonThatIsNoEntry_IsCorrupt()
    {
        var parsed = JournalLines.Parse([Line(1), "{\"hello\":1}", "not json at all", Line(2)]);

        Assert.That(parsed.Entries.Select(e => e.Sequence), Is.EqualTo(new long[] { 1, 2 }));
        Assert.That(parsed.Corrupt, Has.Count.EqualTo(2));
    }

    [Test]
    public void Parse_EntryGluedToATornAppend_IsRecovered()
    {
        var torn = "{\"seq\":2,\"acc";
        var parsed = JournalLines.Parse([Line(1), torn + Line(3).TrimEnd('\n')]);

        Assert.That(parsed.Entries.Select(e => e.Sequence), Is.EqualTo(new long[] { 1, 3 }));
        Assert.That(parsed.Corrupt, Is.EqualTo(new[] { torn }));
    }

    [Test]
    public void Parse_EmptyLinesAndCleanFile_NothingCorrupt()
    {
        var parsed = JournalLines.Parse([Line(1), "", Line(2)]);

        Assert.That(parsed.Entries, Has.Count.EqualTo(2));
        Assert.That(parsed.Corrupt, Is.Empty);
    }

    [Test]
    public void Format_KeepsTheReservation()
    {
        var parsed = JournalLines.Parse([JournalLines.Format(Entry(7, reservation: "abc123")).TrimEnd('\n')]);

        Assert.That(parsed.Entries.Single().Commit!.ReservationId, Is.EqualTo("abc123"), "replay releases or consumes it");
    }

    [Test]
    public void Format_Abandon_RoundTripsItsReservationAndBlobs()
    {
        var blob = Guid.CreateVersion7().ToString("N");
        var abandon = new JournalEntry(9, "AUTH_test", "c", "o", 2, "test:tester", UserType.Owner, "tx9", 17_000_000_000_000_000, null,
            new Abandonment("r9", [blob]));

        var parsed = JournalLines.Parse([JournalLines.Format(abandon).TrimEnd('\n')]);

        Assert.That(parsed.Corrupt, Is.Empty);
        Assert.That(parsed.Entries.Single().Commit, Is.Null);
        Assert.That(parsed.Entries.Single().Abandon, Is.EqualTo(abandon.Abandon).Using<Abandonment>((a, b) => a.Reservation == b.Reservation && a.BlobIds.SequenceEqual(b.BlobIds)));
    }

    [Test]
    public void Parse_EntryWithBothACommitAndAnAbandon_IsCorrupt()
    {
        var both = Entry(5) with { Abandon = new Abandonment("r", []) };

        var parsed = JournalLines.Parse([JournalLines.Format(both).TrimEnd('\n'), JournalLines.Format(Entry(6) with { Commit = null }).TrimEnd('\n')]);

        Assert.That(parsed.Entries, Is.Empty);
        Assert.That(parsed.Corrupt, Has.Count.EqualTo(2));
    }

    internal static string Line(long seq) => JournalLines.Format(Entry(seq)).TrimEnd('\n');

    internal static JournalEntry Entry(long seq, string? reservation = null) =>
        new(seq, "AUTH_test", "c", $"o{seq}", 2, "test:tester", UserType.Owner, $"tx{seq}", 17_000_000_000_000_000 + seq,
            new ObjectCommit(Guid.CreateVersion7().ToString("N"), "d41d8cd98f00b204e9800998ecf8427e", seq, "text/plain", null,
                new Dictionary<string, string>(), new Dictionary<string, string>(), reservation));
}
