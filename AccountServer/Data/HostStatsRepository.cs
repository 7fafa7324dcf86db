using CloudFs.Catalog;
using CloudFs.Common.Contracts;

namespace CloudFs.AccountServer.Data;

/// <summary>
/// SQL for the per-host time series (<c>stat_cpu</c>, <c>stat_mem</c>, <c>stat_net</c>,
/// <c>stat_disk</c>, <c>stat_storage</c>), keyed by host, time (Unix ms) and the report's
/// sequence number. Retention folds old samples into buckets with sequence number 0, then
/// drops the oldest.
/// </summary>
public sealed class HostStatsRepository
{
    // Per table: the columns, and how a bucket folds each (shares average; amounts and running totals keep their peak).
    private static readonly (string Table, string Key, string[] Columns, string Fold)[] Series =
    [
        ("stat_cpu", "", ["user_pct", "system_pct", "iowait_pct", "idle_pct", "load1"], "AVG"),
        ("stat_mem", "", ["used_bytes", "free_bytes", "cached_bytes", "process_rss_bytes"], "MAX"),
        ("stat_net", "iface", ["rx_bytes", "tx_bytes"], "MAX"),
        ("stat_disk", "device", ["read_bytes", "write_bytes", "read_ops", "write_ops"], "MAX"),
        ("stat_storage", "device", ["used_bytes", "free_bytes", "blob_count"], "MAX"),
    ];

    /// <summary>Stores one report's sample; a report sent twice (a retried POST) is stored once.</summary>
    public async Task InsertAsync(CatalogSession session, long hostId, HostReport report, CancellationToken ct)
    {
        var key = new { HostId = hostId, report.Ts, report.Seq };
        var cpu = report.Sample.Cpu;
        await session.ExecuteAsync("""
            {INSERT_IGNORE} INTO stat_cpu (host_id, ts, seq, user_pct, system_pct, iowait_pct, idle_pct, load1)
            VALUES (@HostId, @Ts, @Seq, @UserPct, @SystemPct, @IowaitPct, @IdlePct, @Load1)
            """, new { key.HostId, key.Ts, key.Seq, cpu.UserPct, cpu.SystemPct, cpu.IowaitPct, cpu.IdlePct, cpu.Load1 }, ct);
        var mem = report.Sample.Mem;
        await session.ExecuteAsync("""
            {INSERT_IGNORE} INTO stat_mem (host_id, ts, seq, used_bytes, free_bytes, cached_bytes, process_rss_bytes)
            VALUES (@HostId, @Ts, @Seq, @UsedBytes, @FreeBytes, @CachedBytes, @ProcessRssBytes)
            """, new { key.HostId, key.Ts, key.Seq, mem.UsedBytes, mem.FreeBytes, mem.CachedBytes, mem.ProcessRssBytes }, ct);
        if (report.Sample.Net.Count > 0)
        {
            await session.ExecuteAsync("""
                {INSERT_IGNORE} INTO stat_net (host_id, ts, seq, iface, rx_bytes, tx_bytes) VALUES (@HostId, @Ts, @Seq, @Iface, @RxBytes, @TxBytes)
                """, report.Sample.Net.Select(n => new { key.HostId, key.Ts, key.Seq, n.Iface, n.RxBytes, n.TxBytes }), ct);
        }

        if (report.Sample.Disks.Count > 0)
        {
            await session.ExecuteAsync("""
                {INSERT_IGNORE} INTO stat_disk (host_id, ts, seq, device, read_bytes, write_bytes, read_ops, write_ops)
                VALUES (@HostId, @Ts, @Seq, @Device, @ReadBytes, @WriteBytes, @ReadOps, @WriteOps)
                """, report.Sample.Disks.Select(d => new { key.HostId, key.Ts, key.Seq, d.Device, d.ReadBytes, d.WriteBytes, d.ReadOps, d.WriteOps }), ct);
        }

        // An unmounted device has no figures to keep; its alert says so.
        var mounted = report.Storage.Where(s => s.Mounted).ToList();
        if (mounted.Count > 0)
        {
            await session.ExecuteAsync("""
                {INSERT_IGNORE} INTO stat_storage (host_id, ts, seq, device, used_bytes, free_bytes, blob_count)
                VALUES (@HostId, @Ts, @Seq, @Device, @UsedBytes, @FreeBytes, @BlobCount)
                """, mounted.Select(s => new { key.HostId, key.Ts, key.Seq, s.Device, s.UsedBytes, s.FreeBytes, s.BlobCount }), ct);
        }
    }

    public async Task<IReadOnlyList<CpuStatRow>> CpuAsync(CatalogSession session, StatRange range, CancellationToken ct) =>
        Oldest(await session.QueryAsync<CpuStatRow>(Select("stat_cpu", "user_pct AS UserPct, system_pct AS SystemPct, iowait_pct AS IowaitPct, idle_pct AS IdlePct, load1 AS Load1"),
            range, ct));

    public async Task<IReadOnlyList<MemStatRow>> MemAsync(CatalogSession session, StatRange range, CancellationToken ct) =>
        Oldest(await session.QueryAsync<MemStatRow>(Select("stat_mem", "used_bytes AS UsedBytes, free_bytes AS FreeBytes, cached_bytes AS CachedBytes, process_rss_bytes AS ProcessRssBytes"),
            range, ct));

    public async Task<IReadOnlyList<NetStatRow>> NetAsync(CatalogSession session, StatRange range, CancellationToken ct) =>
        Oldest(await session.QueryAsync<NetStatRow>(Select("stat_net", "iface AS Iface, rx_bytes AS RxBytes, tx_bytes AS TxBytes", "iface"), range, ct));

    public async Task<IReadOnlyList<DiskStatRow>> DiskAsync(CatalogSession session, StatRange range, CancellationToken ct) =>
        Oldest(await session.QueryAsync<DiskStatRow>(Select("stat_disk", "device AS Device, read_bytes AS ReadBytes, write_bytes AS WriteBytes, read_ops AS ReadOps, write_ops AS WriteOps", "device"),
            range, ct));

    public async Task<IReadOnlyList<StorageStatRow>> StorageAsync(CatalogSession session, StatRange range, CancellationToken ct) =>
        Oldest(await session.QueryAsync<StorageStatRow>(Select("stat_storage", "device AS Device, used_bytes AS UsedBytes, free_bytes AS FreeBytes, blob_count AS BlobCount", "device"),
            range, ct));

    public Task<CpuStatRow?> LatestCpuAsync(CatalogSession session, long hostId, CancellationToken ct) =>
        session.FirstOrDefaultAsync<CpuStatRow>("""
            SELECT ts AS Ts, seq AS Seq, user_pct AS UserPct, system_pct AS SystemPct, iowait_pct AS IowaitPct, idle_pct AS IdlePct, load1 AS Load1
            FROM stat_cpu WHERE host_id = @HostId ORDER BY ts DESC, seq DESC LIMIT 1
            """, new { HostId = hostId }, ct);

    public Task<MemStatRow?> LatestMemAsync(CatalogSession session, long hostId, CancellationToken ct) =>
        session.FirstOrDefaultAsync<MemStatRow>("""
            SELECT ts AS Ts, seq AS Seq, used_bytes AS UsedBytes, free_bytes AS FreeBytes, cached_bytes AS CachedBytes, process_rss_bytes AS ProcessRssBytes
            FROM stat_mem WHERE host_id = @HostId ORDER BY ts DESC, seq DESC LIMIT 1
            """, new { HostId = hostId }, ct);

    /// <summary>
    /// Folds every sample older than <paramref name="before"/> (a bucket boundary, so no bucket
    /// is folded twice) into one row per host, bucket and key, then deletes the samples.
    /// Returns the samples folded.
    /// </summary>
    public async Task<int> DownsampleAsync(CatalogSession session, long before, long bucketMs, CancellationToken ct)
    {
        var folded = 0;
        foreach (var (table, key, columns, fold) in Series)
        {
            var keyColumn = key.Length > 0 ? key + ", " : "";
            var list = string.Join(", ", columns);
            var folds = string.Join(", ", columns.Select(c => $"{fold}({c})"));
            await session.ExecuteAsync($$"""
                {INSERT_IGNORE} INTO {{table}} (host_id, ts, seq, {{keyColumn}}{{list}})
                SELECT host_id, bucket, 0, {{keyColumn}}{{folds}}
                FROM (SELECT host_id, ts - ts % @Bucket AS bucket, {{keyColumn}}{{list}} FROM {{table}} WHERE seq > 0 AND ts < @Before) samples
                GROUP BY host_id, bucket{{(key.Length > 0 ? ", " + key : "")}}
                """, new { Bucket = bucketMs, Before = before }, ct);
            folded += await session.ExecuteAsync($"DELETE FROM {table} WHERE seq > 0 AND ts < @Before", new { Before = before }, ct);
        }

        return folded;
    }

    /// <summary>Deletes every row older than <paramref name="before"/>; returns how many.</summary>
    public async Task<int> PruneAsync(CatalogSession session, long before, CancellationToken ct)
    {
        var pruned = 0;
        foreach (var (table, _, _, _) in Series)
        {
            pruned += await session.ExecuteAsync($"DELETE FROM {table} WHERE ts < @Before", new { Before = before }, ct);
        }

        return pruned;
    }

    // The newest rows of the range, at most Limit (rows, not samples: net, disk and storage have
    // a row per key in each sample); handed back oldest first.
    private static string Select(string table, string columns, string? key = null) => $"""
        SELECT ts AS Ts, seq AS Seq, {columns} FROM {table}
        WHERE host_id = @HostId AND ts >= @Since AND ts < @Until
        ORDER BY ts DESC, seq DESC{(key is null ? "" : ", " + key + " DESC")} LIMIT @Limit
        """;

    private static List<T> Oldest<T>(IEnumerable<T> newestFirst)
    {
        var rows = newestFirst.ToList();
        rows.Reverse();
        return rows;
    }
}

/// <summary>Which samples a stats query wants: one host, times in Unix ms (until exclusive), at most Limit rows per series.</summary>
public sealed record StatRange(long HostId, long Since, long Until, int Limit);
