using CloudFs.AccountServer.Core;

namespace CloudFs.AccountServer.Journal;

/// <summary>A commit applied now (with its result), or journaled for replay.</summary>
public sealed record CommitOutcome(CommitResult? Result, bool Journaled);
