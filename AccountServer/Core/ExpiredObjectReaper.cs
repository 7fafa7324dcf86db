using CloudFs.AccountServer.Data;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CloudFs.AccountServer.Core;

/// <summary>
/// Removes objects whose X-Delete-At has passed. Clients stop seeing them at that moment
/// (reads and listings filter on delete_at); this only frees their rows, usage and blobs,
/// in batches, each object in its own transaction with an operation record.
/// </summary>
public sealed partial class ExpiredObjectReaper(CatalogWork work, NamespaceRepository names, ObjectRemover remover,
    IOptions<AccountServerOptions> options, TimeProvider time, ILogger<ExpiredObjectReaper> logger) : BackgroundService
{
    public const int BatchSize = 500;

    /// <summary>One pass over at most <see cref="BatchSize"/> expired objects; returns how many it removed.</summary>
    public async Task<int> ReapOnceAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var expired = await work.ReadAsync((session, token) => names.ExpiredObjectIdsAsync(session, now.ToUnixTimeSeconds(), BatchSize, token), ct);
        var reaped = 0;
        foreach (var id in expired)
        {
            reaped += await work.RunAsync(async (session, token) =>
            {
                var row = await names.FindByIdAsync(session, id, forUpdate: true, token);
                var owners = await names.FindOwnersAsync(session, id, token);
                if (row is null || owners is null || row.DeleteAt is not { } at || at > now.ToUnixTimeSeconds())
                {
                    return 0;
                }

                var ms = now.ToUnixTimeMilliseconds();
                var removal = ObjectRemoval.Of(row, owners, await names.DirectoryChainAsync(session, row.ParentId, token));
                await remover.RemoveAsync(session, removal, new OperationRecord
                {
                    Account = owners.AccountName,
                    Action = "object.expire",
                    Path = "",
                    StobjId = id,
                    Size = row.Size,
                    Result = 204,
                    CreatedAt = ms,
                }, token);
                await session.CommitAsync(token);
                return 1;
            }, ct);
        }

        if (reaped > 0)
        {
            Log.Reaped(logger, reaped);
        }

        return reaped;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(options.Value.ReapIntervalSeconds), time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                while (await ReapOnceAsync(stoppingToken) == BatchSize)
                {
                }
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                Log.PassFailed(logger, ex);
            }
        }
    }

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Information, "Reaped {Count} expired objects")]
        public static partial void Reaped(ILogger logger, int count);

        [LoggerMessage(2, LogLevel.Error, "Expired-object reaper pass failed")]
        public static partial void PassFailed(ILogger logger, Exception ex);
    }
}
