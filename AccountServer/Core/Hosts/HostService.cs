using CloudFs.AccountServer.Data;
using CloudFs.Catalog;
using CloudFs.Common.Contracts;
using CloudFs.Common.Results;
using Microsoft.Extensions.Options;

namespace CloudFs.AccountServer.Core.Hosts;

/// <summary>
/// The host inventory and statistics: role servers report here (<c>POST /hosts/report</c>),
/// admins read hosts, their series and the cluster's alerts.
/// </summary>
public sealed class HostService(CatalogWork work, HostRepository hosts, HostStatsRepository stats, IOptions<HostStatsOptions> options, TimeProvider time)
{
    public const int MaxLimit = 10_000;

    // A report is one host's few interfaces, disks and alerts; more is not a report.
    private const int MaxListed = 256;

    public async Task<Outcome<bool>> ReportAsync(HostReport report, CancellationToken ct)
    {
        if (Invalid(report) is { } reason)
        {
            return CloudFsError.BadRequest("Invalid host report: " + reason);
        }

        // Last seen is this server's clock, so a host whose clock is off is not taken for silent.
        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        return await work.RunAsync<Outcome<bool>>(async (session, token) =>
        {
            var hostId = await hosts.UpsertAsync(session, report, now, token);
            await hosts.ReplaceInventoryAsync(session, hostId, report.Sample, now, token);
            await stats.InsertAsync(session, hostId, report, token);
            await hosts.ReplaceAlertsAsync(session, hostId, report.Alerts, now, token);
            await session.CommitAsync(token);
            return true;
        }, ct);
    }

    public Task<IReadOnlyList<HostView>> ListAsync(CancellationToken ct) => work.ReadAsync<IReadOnlyList<HostView>>(async (session, token) =>
    {
        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        var alerts = (await hosts.AlertsAsync(session, token)).GroupBy(a => a.HostId).ToDictionary(g => g.Key, g => g.Count());
        var views = new List<HostView>();
        foreach (var host in await hosts.ListAsync(session, token))
        {
            var silent = options.Value.IsSilent(host.LastSeen, host.IntervalSeconds, now);
            views.Add(new HostView(host, silent, await stats.LatestCpuAsync(session, host.Id, token), await stats.LatestMemAsync(session, host.Id, token),
                alerts.GetValueOrDefault(host.Id) + (silent ? 1 : 0)));
        }

        return views;
    }, ct);

    /// <summary>A host's series from <paramref name="since"/> to <paramref name="until"/> (Unix ms; default: the last hour until now).</summary>
    public async Task<Outcome<HostStats>> StatsAsync(string key, long? since, long? until, int limit, CancellationToken ct)
    {
        if (limit is < 1 or > MaxLimit)
        {
            return new CloudFsError(CloudFsErrorKind.PreconditionFailed, $"limit must be 1-{MaxLimit}");
        }

        var end = until ?? time.GetUtcNow().ToUnixTimeMilliseconds() + 1;
        var start = since ?? end - 3_600_000;
        if (start >= end)
        {
            return CloudFsError.BadRequest("since must be before until");
        }

        var found = await work.ReadAsync<HostStats?>(async (session, token) =>
        {
            if (await hosts.FindAsync(session, key, token) is not { } host)
            {
                return null;
            }

            var range = new StatRange(host.Id, start, end, limit);
            return new HostStats(host, await hosts.NetAsync(session, host.Id, token), await hosts.DisksAsync(session, host.Id, token),
                await stats.CpuAsync(session, range, token), await stats.MemAsync(session, range, token), await stats.NetAsync(session, range, token),
                await stats.DiskAsync(session, range, token), await stats.StorageAsync(session, range, token));
        }, ct);
        return found is null ? CloudFsError.NotFound($"No host {key}") : Outcome<HostStats>.Success(found);
    }

    /// <summary>Every alert the hosts reported, and one for each silent host.</summary>
    public Task<IReadOnlyList<ClusterAlert>> AlertsAsync(CancellationToken ct) => work.ReadAsync(async (session, token) =>
    {
        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        var byId = (await hosts.ListAsync(session, token)).ToDictionary(h => h.Id);
        var list = new List<ClusterAlert>();
        foreach (var host in byId.Values.Where(h => options.Value.IsSilent(h.LastSeen, h.IntervalSeconds, now)))
        {
            list.Add(Alert(host, SilentAlert(host, now), host.LastSeen));
        }

        foreach (var row in await hosts.AlertsAsync(session, token))
        {
            if (byId.TryGetValue(row.HostId, out var host))
            {
                list.Add(Alert(host, new HostAlert(row.Kind, row.Subject, row.Detail), row.Since));
            }
        }

        return (IReadOnlyList<ClusterAlert>)list;
    }, ct);

    /// <summary>The silent hosts' alerts as this server would raise them in /recon/alerts.</summary>
    public Task<IReadOnlyList<HostAlert>> SilentHostsAsync(CancellationToken ct) => work.ReadAsync(async (session, token) =>
    {
        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        return (IReadOnlyList<HostAlert>)(await hosts.ListAsync(session, token))
            .Where(h => options.Value.IsSilent(h.LastSeen, h.IntervalSeconds, now)).Select(h => SilentAlert(h, now)).ToList();
    }, ct);

    /// <summary>Folds samples past the raw window into buckets, drops what is past keeping, forgets long-silent hosts.</summary>
    public Task<(int Folded, int Pruned, int Forgotten)> ApplyRetentionAsync(CancellationToken ct) => work.RunAsync(async (session, token) =>
    {
        var o = options.Value;
        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        var bucketMs = o.BucketSeconds * 1000L;
        var foldBefore = now - (long)(o.RawHours * 3_600_000);
        foldBefore -= foldBefore % bucketMs; // a bucket boundary: no bucket is folded twice
        var keepAfter = now - (long)(o.KeepDays * 86_400_000);
        var folded = await stats.DownsampleAsync(session, foldBefore, bucketMs, token);
        var pruned = await stats.PruneAsync(session, keepAfter, token);
        var forgotten = await hosts.ForgetSilentAsync(session, keepAfter, token);
        await session.CommitAsync(token);
        return (folded, pruned, forgotten);
    }, ct);

    private static HostAlert SilentAlert(HostRow host, long now) => new(HostAlertKinds.HostSilent, $"{host.Address}:{host.Port}",
        $"{host.Role} server {host.Hostname} ({host.NodeId}) last reported {(now - host.LastSeen) / 1000} s ago; it reports every {host.IntervalSeconds} s");

    private static ClusterAlert Alert(HostRow host, HostAlert alert, long since) =>
        new(host.Id, host.Hostname, host.Role, host.Address, host.Port, alert.Kind, alert.Subject, alert.Detail, since);

    private static string? Invalid(HostReport report)
    {
        if (report.NodeId == Guid.Empty)
        {
            return "node_id is missing";
        }

        if (string.IsNullOrWhiteSpace(report.Role) || report.Role.Length > 16 || report.Hostname.Length > 255 || report.Address.Length > 64
            || report.Version.Length > 32)
        {
            return "role, hostname, address or version is missing or too long";
        }

        if (report.Ts <= 0 || report.Seq < 1 || report.IntervalSeconds < 0 || report.Port is < 0 or > 65535)
        {
            return "ts, seq (from 1), interval_seconds or port out of range";
        }

        if (report.Sample is null || report.Sample.Net.Count > MaxListed || report.Sample.Disks.Count > MaxListed
            || report.Storage.Count > MaxListed || report.Alerts.Count > MaxListed)
        {
            return $"no sample, or more than {MaxListed} interfaces, disks, devices or alerts";
        }

        return report.Sample.Net.Any(n => n.Iface.Length is 0 or > 64) || report.Sample.Disks.Any(d => d.Device.Length is 0 or > 64 || d.Path.Length > 512)
            || report.Storage.Any(s => s.Device.Length is 0 or > 64) || report.Alerts.Any(a => a.Kind.Length is 0 or > 32)
            ? "an interface, disk, device or alert kind name is empty or too long"
            : null;
    }
}
