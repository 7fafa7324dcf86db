using CloudFs.AccountServer.Core;
using CloudFs.Catalog;
using CloudFs.Common.Time;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CloudFs.AccountServer.Journal;

/// <summary>
/// Replays journaled commits, oldest first, whenever the journal holds entries and the
/// database answers again (also right after a restart). A commit the catalog now refuses
/// (its container deleted meanwhile, a newer write won) is dropped, its reservation released
/// and its blob handed to garbage collection. A journaled abandon frees its reservation and
/// queues its blobs. An unreachable database stops the pass until the next try.
/// </summary>
public sealed partial class JournalReplayer(CommitJournal journal, ObjectService objects, IOptions<AccountServerOptions> options,
    ILogger<JournalReplayer> logger) : BackgroundService
{
    private readonly SemaphoreSlim _wake = new(0, int.MaxValue);
    private string? _blockedBy;

    public void Wake() => _wake.Release();

    /// <summary>One replay pass; returns how many entries it applied or dropped.</summary>
    public async Task<int> ReplayOnceAsync(CancellationToken ct)
    {
        var pending = await journal.PendingAsync(ct);
        long done = 0;
        var count = 0;
        foreach (var entry in pending)
        {
            var ctx = new WriteContext(new Caller(entry.UserId, entry.User, entry.UserType), entry.TransId, new Timestamp(entry.Timestamp));
            try
            {
                if (entry.Commit is null)
                {
                    var abandon = entry.Abandon!;
                    await objects.AbandonAsync(abandon.Reservation.Length > 0 ? abandon.Reservation : null, abandon.BlobIds, ct);
                    Log.Abandoned(logger, entry.Sequence, abandon.BlobIds.Count, entry.TransId);
                }
                else if ((await objects.CommitAsync(ctx, entry.Account, entry.Container, entry.Object, entry.Commit, ct)).Error is { } refused)
                {
                    // With its reservation: the commit consumed it, or (refused) released it and
                    // queued the blob for collection in the same step, as a live commit does.
                    Log.Refused(logger, entry.Sequence, refused.Kind.ToString(), entry.TransId);
                }
                else
                {
                    Log.Replayed(logger, entry.Sequence, entry.TransId);
                }
            }
            catch (Exception ex) when (CatalogFailures.IsUnreachable(ex))
            {
                // Said once per outage, not once per pass: the journal waits, and says why.
                if (_blockedBy != ex.Message)
                {
                    Log.Blocked(logger, pending.Count - count, ex.Message);
                    _blockedBy = ex.Message;
                }

                break;
            }

            done = entry.Sequence;
            count++;
        }

        if (count > 0)
        {
            await journal.RemoveThroughAsync(done, ct);
            if (_blockedBy is not null && count == pending.Count)
            {
                Log.Drained(logger, count);
                _blockedBy = null;
            }
        }

        return count;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = TimeSpan.FromSeconds(options.Value.JournalReplaySeconds);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (journal.Count > 0)
                {
                    await ReplayOnceAsync(stoppingToken);
                }

                await _wake.WaitAsync(interval, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                Log.PassFailed(logger, ex);
                await Task.Delay(interval, stoppingToken);
            }
        }
    }

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Information, "Replayed journaled commit #{Sequence} {TransId}")]
        public static partial void Replayed(ILogger logger, long sequence, string transId);

        [LoggerMessage(2, LogLevel.Warning, "Journaled commit #{Sequence} refused on replay ({Reason}); its blob goes to garbage collection {TransId}")]
        public static partial void Refused(ILogger logger, long sequence, string reason, string transId);

        [LoggerMessage(4, LogLevel.Information, "Replayed journaled abandon #{Sequence}: reservation freed, {Blobs} blobs queued for collection {TransId}")]
        public static partial void Abandoned(ILogger logger, long sequence, int blobs, string transId);

        [LoggerMessage(5, LogLevel.Warning, "Journal replay waits for the catalog database: {Pending} entries pending ({Reason})")]
        public static partial void Blocked(ILogger logger, int pending, string reason);

        [LoggerMessage(6, LogLevel.Information, "Journal replayed to the end ({Entries} entries in the last pass)")]
        public static partial void Drained(ILogger logger, int entries);

        [LoggerMessage(3, LogLevel.Error, "Journal replay pass failed")]
        public static partial void PassFailed(ILogger logger, Exception ex);
    }
}
