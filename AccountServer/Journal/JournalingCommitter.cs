using CloudFs.AccountServer.Core;
using CloudFs.AccountServer.Data;
using CloudFs.Catalog;
using CloudFs.Common.Contracts;
using CloudFs.Common.Results;
using Microsoft.Extensions.Logging;

namespace CloudFs.AccountServer.Journal;

/// <summary>
/// Commits through the database when it answers (a second try on a fresh connection, which
/// fails over to another Galera node), and into the journal when it does not: a commit the
/// proxy was told to expect (its blob is already on a quorum) is never lost to a database outage. While the journal holds entries, new commits join its end so they
/// replay in the order they were taken. An abandon (an admitted upload that will not be
/// committed) takes the same road: while the database is down it is journaled too, so its
/// reservation and blobs are freed on replay rather than left to expiry and fsck.
/// </summary>
public sealed partial class JournalingCommitter(ObjectService objects, CommitJournal journal, JournalReplayer replayer, ILogger<JournalingCommitter> logger)
{
    public async Task<Outcome<CommitOutcome>> CommitAsync(WriteContext ctx, string account, string container, string name, ObjectCommit commit, CancellationToken ct)
    {
        // Sending the commit again is safe: if the first did apply, the repeat finds it and changes nothing.
        var (reached, direct) = await TryDatabaseAsync(ctx, () => objects.CommitAsync(ctx, account, container, name, commit, ct));
        if (reached)
        {
            return direct!.Error is { } error ? error : new CommitOutcome(direct.Value, Journaled: false);
        }

        await AppendAsync(ctx, account, container, name, commit, null, ct);
        return new CommitOutcome(null, Journaled: true);
    }

    /// <summary>Frees an abandoned upload's reservation and queues its blobs, now or, with the database down, on replay.</summary>
    public async Task AbandonAsync(WriteContext ctx, string account, string container, string name, Abandonment abandon, CancellationToken ct)
    {
        var (reached, _) = await TryDatabaseAsync(ctx, async () =>
        {
            await objects.AbandonAsync(abandon.Reservation.Length > 0 ? abandon.Reservation : null, abandon.BlobIds, ct);
            return true;
        });
        if (!reached)
        {
            await AppendAsync(ctx, account, container, name, null, abandon, ct);
        }
    }

    /// <summary>
    /// Runs <paramref name="work"/> against the database unless the journal already holds
    /// entries (new work then queues behind them, so it replays in order). Twice before giving
    /// up: a connection that broke with its database node is not an outage when another node
    /// answers, and a fresh connection fails over to it. False when neither try reached it.
    /// </summary>
    private async Task<(bool Reached, T? Value)> TryDatabaseAsync<T>(WriteContext ctx, Func<Task<T>> work)
    {
        for (var attempt = 1; journal.Count == 0 && attempt <= 2; attempt++)
        {
            try
            {
                return (true, await work());
            }
            catch (Exception ex) when (CatalogFailures.IsUnreachable(ex))
            {
                Log.DatabaseUnreachable(logger, ctx.TransId, attempt, ex.Message);
            }
        }

        return (false, default);
    }

    private async Task AppendAsync(WriteContext ctx, string account, string container, string name, ObjectCommit? commit, Abandonment? abandon, CancellationToken ct)
    {
        var entry = await journal.AppendAsync(seq => new JournalEntry(seq, account, container, name, ctx.Caller.UserId, ctx.Caller.User,
            ctx.Caller.Type, ctx.TransId, ctx.Timestamp.Units, commit, abandon), ct);
        Log.Journaled(logger, entry.Sequence, commit is null ? "abandon" : "commit", account, container, name, ctx.TransId);
        replayer.Wake();
    }

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Warning, "Catalog database unreachable (attempt {Attempt}) {TransId}: {Reason}")]
        public static partial void DatabaseUnreachable(ILogger logger, string transId, int attempt, string reason);

        [LoggerMessage(2, LogLevel.Information, "Journaled {Kind} #{Sequence} {Account}/{Container}/{Object} {TransId}")]
        public static partial void Journaled(ILogger logger, long sequence, string kind, string account, string container, string @object, string transId);
    }
}
