using CloudFs.Catalog;
using CloudFs.Common.Contracts;

namespace CloudFs.AccountServer.Data;

/// <summary>SQL for the host inventory: <c>host</c>, <c>host_cpu</c>, <c>host_mem</c>, <c>host_net</c>, <c>host_disk</c> and <c>host_alert</c>.</summary>
public sealed class HostRepository
{
    private const string SelectHosts = """
        SELECT h.id AS Id, h.node_id AS NodeId, h.hostname AS Hostname, h.role AS Role, h.address AS Address, h.port AS Port,
               h.version AS Version, h.started_at AS StartedAt, h.last_seen AS LastSeen, h.interval_seconds AS IntervalSeconds,
               h.last_seq AS LastSeq, c.cores AS Cores, c.model AS Model, m.total_bytes AS MemTotalBytes
        FROM host h LEFT JOIN host_cpu c ON c.host_id = h.id LEFT JOIN host_mem m ON m.host_id = h.id
        """;

    public async Task<IReadOnlyList<HostRow>> ListAsync(CatalogSession session, CancellationToken ct) =>
        (await session.QueryAsync<HostRow>(SelectHosts + " ORDER BY h.address, h.port, h.id", null, ct)).ToList();

    /// <summary>
    /// The host a name picks: its id, node id, address:port, or a hostname or address that only
    /// one host has, or else the lowest id among several (role servers on one machine report
    /// the same machine).
    /// </summary>
    public async Task<HostRow?> FindAsync(CatalogSession session, string key, CancellationToken ct)
    {
        if (long.TryParse(key, out var id))
        {
            return await session.FirstOrDefaultAsync<HostRow>(SelectHosts + " WHERE h.id = @Id", new { Id = id }, ct);
        }

        var colon = key.LastIndexOf(':');
        if (colon > 0 && int.TryParse(key[(colon + 1)..], out var port))
        {
            return await session.FirstOrDefaultAsync<HostRow>(SelectHosts + " WHERE h.address = @Address AND h.port = @Port ORDER BY h.id",
                new { Address = key[..colon], Port = port }, ct);
        }

        return await session.FirstOrDefaultAsync<HostRow>(
            SelectHosts + " WHERE h.node_id = @Key OR h.hostname = @Key OR h.address = @Key ORDER BY h.id", new { Key = key }, ct);
    }

    /// <summary>Creates or updates the host row of a report's node; returns its id.</summary>
    public async Task<long> UpsertAsync(CatalogSession session, HostReport report, long now, CancellationToken ct)
    {
        var args = new
        {
            NodeId = report.NodeId.ToString("D"),
            report.Hostname,
            report.Role,
            report.Address,
            report.Port,
            report.Version,
            report.StartedAt,
            Now = now,
            report.IntervalSeconds,
            report.Seq,
        };
        var updated = await session.ExecuteAsync("""
            UPDATE host SET hostname = @Hostname, role = @Role, address = @Address, port = @Port, version = @Version,
                            started_at = @StartedAt, last_seen = @Now, interval_seconds = @IntervalSeconds, last_seq = @Seq
            WHERE node_id = @NodeId
            """, args, ct);
        if (updated == 0)
        {
            // Two account servers may take a new node's first reports at once: the loser updates nothing here and the next report finds the row.
            await session.ExecuteAsync("""
                {INSERT_IGNORE} INTO host (node_id, hostname, role, address, port, version, started_at, last_seen, interval_seconds, last_seq)
                VALUES (@NodeId, @Hostname, @Role, @Address, @Port, @Version, @StartedAt, @Now, @IntervalSeconds, @Seq)
                """, args, ct);
        }

        return await session.SingleAsync<long>("SELECT id FROM host WHERE node_id = @NodeId", args, ct);
    }

    /// <summary>Replaces the host's hardware inventory with what the report says.</summary>
    public async Task ReplaceInventoryAsync(CatalogSession session, long hostId, HostSample sample, long now, CancellationToken ct)
    {
        var id = new { HostId = hostId };
        foreach (var table in new[] { "host_cpu", "host_mem", "host_net", "host_disk" })
        {
            await session.ExecuteAsync($"DELETE FROM {table} WHERE host_id = @HostId", id, ct);
        }

        await session.ExecuteAsync("INSERT INTO host_cpu (host_id, cores, model, updated_at) VALUES (@HostId, @Cores, @Model, @Now)",
            new { HostId = hostId, sample.Cpu.Cores, sample.Cpu.Model, Now = now }, ct);
        await session.ExecuteAsync("INSERT INTO host_mem (host_id, total_bytes, updated_at) VALUES (@HostId, @TotalBytes, @Now)",
            new { HostId = hostId, sample.Mem.TotalBytes, Now = now }, ct);
        if (sample.Net.Count > 0)
        {
            await session.ExecuteAsync("""
                {INSERT_IGNORE} INTO host_net (host_id, iface, address, speed_mbps, updated_at) VALUES (@HostId, @Iface, @Address, @SpeedMbps, @Now)
                """, sample.Net.Select(n => new { HostId = hostId, n.Iface, n.Address, n.SpeedMbps, Now = now }), ct);
        }

        if (sample.Disks.Count > 0)
        {
            await session.ExecuteAsync("""
                {INSERT_IGNORE} INTO host_disk (host_id, device, path, total_bytes, updated_at) VALUES (@HostId, @Device, @Path, @TotalBytes, @Now)
                """, sample.Disks.Select(d => new { HostId = hostId, d.Device, d.Path, d.TotalBytes, Now = now }), ct);
        }
    }

    public async Task<IReadOnlyList<HostNetRow>> NetAsync(CatalogSession session, long hostId, CancellationToken ct) =>
        (await session.QueryAsync<HostNetRow>("""
            SELECT iface AS Iface, address AS Address, speed_mbps AS SpeedMbps
            FROM host_net WHERE host_id = @HostId ORDER BY iface
            """, new { HostId = hostId }, ct)).ToList();

    public async Task<IReadOnlyList<HostDiskRow>> DisksAsync(CatalogSession session, long hostId, CancellationToken ct) =>
        (await session.QueryAsync<HostDiskRow>("""
            SELECT device AS Device, path AS Path, total_bytes AS TotalBytes
            FROM host_disk WHERE host_id = @HostId ORDER BY device
            """, new { HostId = hostId }, ct)).ToList();

    /// <summary>Every stored alert (a silent host's included: they are its last word), oldest first.</summary>
    public async Task<IReadOnlyList<HostAlertRow>> AlertsAsync(CatalogSession session, CancellationToken ct) =>
        (await session.QueryAsync<HostAlertRow>("""
            SELECT host_id AS HostId, kind AS Kind, subject AS Subject, detail AS Detail, since AS Since FROM host_alert ORDER BY since, host_id, kind, subject
            """, null, ct)).ToList();

    /// <summary>Makes the host's alerts those of its report: new ones start now, ongoing ones keep their start, ended ones go.</summary>
    public async Task ReplaceAlertsAsync(CatalogSession session, long hostId, IReadOnlyList<HostAlert> alerts, long now, CancellationToken ct)
    {
        var stored = (await session.QueryAsync<HostAlertRow>("""
            SELECT host_id AS HostId, kind AS Kind, subject AS Subject, detail AS Detail, since AS Since FROM host_alert WHERE host_id = @HostId
            """, new { HostId = hostId }, ct)).ToList();
        var wanted = alerts.Select(a => a with { Subject = Truncate(a.Subject, 255) }).DistinctBy(a => (a.Kind, a.Subject)).ToList();
        foreach (var gone in stored.Where(s => !wanted.Any(a => a.Kind == s.Kind && a.Subject == s.Subject)))
        {
            await session.ExecuteAsync("DELETE FROM host_alert WHERE host_id = @HostId AND kind = @Kind AND subject = @Subject", gone, ct);
        }

        foreach (var alert in wanted)
        {
            var args = new { HostId = hostId, alert.Kind, alert.Subject, Detail = Truncate(alert.Detail, 512), Since = now };
            if (stored.Any(s => s.Kind == alert.Kind && s.Subject == alert.Subject))
            {
                await session.ExecuteAsync("UPDATE host_alert SET detail = @Detail WHERE host_id = @HostId AND kind = @Kind AND subject = @Subject", args, ct);
            }
            else
            {
                await session.ExecuteAsync("""
                    {INSERT_IGNORE} INTO host_alert (host_id, kind, subject, detail, since) VALUES (@HostId, @Kind, @Subject, @Detail, @Since)
                    """, args, ct);
            }
        }
    }

    /// <summary>Forgets hosts not heard from since <paramref name="before"/>, with everything they reported.</summary>
    public async Task<int> ForgetSilentAsync(CatalogSession session, long before, CancellationToken ct)
    {
        var ids = (await session.QueryAsync<long>("SELECT id FROM host WHERE last_seen < @Before", new { Before = before }, ct)).ToList();
        if (ids.Count == 0)
        {
            return 0;
        }

        // SQLite does not enforce the foreign keys' cascade, so the children go first by hand.
        foreach (var table in ChildTables)
        {
            await session.ExecuteAsync($"DELETE FROM {table} WHERE host_id IN @Ids", new { Ids = ids }, ct);
        }

        return await session.ExecuteAsync("DELETE FROM host WHERE id IN @Ids", new { Ids = ids }, ct);
    }

    private static readonly string[] ChildTables =
        ["host_cpu", "host_mem", "host_net", "host_disk", "host_alert", "stat_cpu", "stat_mem", "stat_net", "stat_disk", "stat_storage"];

    private static string Truncate(string text, int length) => text.Length <= length ? text : text[..length];
}
