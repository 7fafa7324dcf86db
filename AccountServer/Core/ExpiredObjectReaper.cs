using CloudFs.AccountServer.Data;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CloudFs.AccountServer.Core;

/// <summary>
/// Removes objects whose X-Delete-At has passed. Clients stop seeing them at that moment
/// (reads and listings filter on delete_at); this only frees their rows, usage and blobs,
/// in batches, each object in its own transaction with an operation record.
/// </summary>
public sealed partial class ExpiredObjectReaper(CatalogWork work, NamespaceRepository names, QuotaRepository quotas, GarbageRepository garbage,
    RecordRepository records, IOptions<AccountServerOptions> options, TimeProvider time, ILogger<ExpiredObjectReaper> logger) : BackgroundService
{
    public const int BatchSize = 500;

    /// <summary>One pass over at most <see cref="BatchSize"/> expired objects; returns how many it removed.</summary>
    public async Task<int> ReapOnceAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var expired = await work.ReadAsync((session, token) => session.QueryAsync<long>(
            "SELECT id FROM stobj WHERE delete_at IS NOT NULL AND delete_at <= @Now AND type = 'object' ORDER BY delete_at LIMIT @Limit",
            new { Now = now.ToUnixTimeSeconds(), Limit = BatchSize }, token), ct);
        var reaped = 0;
        foreach (var id in expired)
        {
            reaped += await work.RunAsync(async (session, token) =>
            {
                var row = await names.FindByIdAsync(session, id, forUpdate: true, token);
                var owners = await session.SingleOrDefaultAsync<Owners>(
                    "SELECT account_id AS AccountId, container_id AS ContainerId, (SELECT name FROM stobj a WHERE a.id = o.account_id) AS AccountName FROM stobj o WHERE id = @Id",
                    new { Id = id }, token);
                if (row is null || owners is null || row.DeleteAt is not { } at || at > now.ToUnixTimeSeconds())
                {
                    return 0;
                }

                var ms = now.ToUnixTimeMilliseconds();
                var parents = await DirectoryChainAsync(session, row.ParentId, token);
                await quotas.LockAsync(session, owners.AccountId, token);
                await quotas.LockAsync(session, owners.ContainerId, token);
                await names.DeleteAsync(session, id, token);
                await quotas.AddAsync(session, owners.AccountId, -UsageDelta.Used(row.Size, 1), token);
                await quotas.AddAsync(session, owners.ContainerId, -UsageDelta.Used(row.Size, 1), token);
                if (row.BlobId is not null)
                {
                    await garbage.EnqueueAsync(session, [row.BlobId], ms, token);
                }

                await names.PruneEmptyDirectoriesAsync(session, parents, token);
                await records.InsertAsync(session, new OperationRecord
                {
                    Account = AccountName(owners.AccountName),
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

    // Directory ids from the top of the container down to the object's parent.
    private static async Task<List<long>> DirectoryChainAsync(Catalog.CatalogSession session, long? parentId, CancellationToken ct)
    {
        var chain = new List<long>();
        var current = parentId;
        while (current is { } id)
        {
            var row = await session.SingleOrDefaultAsync<ParentRow>("SELECT parent_id AS ParentId, type AS Type FROM stobj WHERE id = @Id", new { Id = id }, ct);
            if (row is null || row.Type != "directory")
            {
                break;
            }

            chain.Insert(0, id);
            current = row.ParentId;
        }

        return chain;
    }

    private static string AccountName(object? raw) => raw switch
    {
        byte[] bytes => System.Text.Encoding.UTF8.GetString(bytes),
        string text => text,
        _ => "",
    };

    private sealed class Owners
    {
        public long AccountId { get; init; }

        public long ContainerId { get; init; }

        public object? AccountName { get; init; }
    }

    private sealed class ParentRow
    {
        public long? ParentId { get; init; }

        public string Type { get; init; } = "";
    }

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Information, "Reaped {Count} expired objects")]
        public static partial void Reaped(ILogger logger, int count);

        [LoggerMessage(2, LogLevel.Error, "Expired-object reaper pass failed")]
        public static partial void PassFailed(ILogger logger, Exception ex);
    }
}
