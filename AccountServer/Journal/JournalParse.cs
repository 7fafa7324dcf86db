namespace CloudFs.AccountServer.Journal;

/// <summary>What a journal file held: its intact entries in file order, and the lines that were not entries.</summary>
public sealed record JournalParse(IReadOnlyList<JournalEntry> Entries, IReadOnlyList<string> Corrupt);
