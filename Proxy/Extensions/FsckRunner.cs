using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using CloudFs.Proxy.Backend;
using CloudFs.Proxy.Routing;
using CloudFs.Ring;

namespace CloudFs.Proxy.Extensions;

/// <summary>
/// fsck: compares the catalog with the object servers. (1) Every blob a row names must be on
/// each of its primary replicas — a missing copy is rewritten from a good one with --repair.
/// (2) Blobs on disk that no row names, older than the grace period, are orphans — deleted
/// with --repair (whole-cluster runs only). (3) Usage counters must equal the rows' sums.
/// Progress and findings stream to the client as text lines, then a JSON summary.
/// </summary>
public sealed class FsckRunner(RoleClient client, BackendInvoker invoker, RingSet rings, NodeSelector selector, TimeProvider time)
{
    private const int PageSize = 1000;

    public async Task RunAsync(HttpContext context, CallContext call)
    {
        var query = context.Request.Query;
        var account = query["account"].ToString();
        var repair = query["repair"] == "true";
        var grace = long.TryParse(query["grace"], out var g) ? g : 86_400;
        var ct = context.RequestAborted;
        context.Response.ContentType = "text/plain; charset=utf-8";
        var report = new FsckReport();
        var watch = Stopwatch.StartNew();
        async Task Say(string line)
        {
            await context.Response.WriteAsync(line + "\n", ct);
            await context.Response.Body.FlushAsync(ct);
        }

        await Say($"fsck {(account.Length == 0 ? "whole cluster" : account)}{(repair ? ", repairing" : ", report only")}");
        await CheckReferencedAsync(account, repair, report, call, Say, ct);
        if (account.Length == 0)
        {
            await CheckOrphansAsync(grace, repair, report, call, Say, ct);
        }

        await CheckUsageAsync(account, repair, report, call, Say, ct);
        await Say(JsonSerializer.Serialize(new
        {
            checked_blobs = report.Checked,
            missing_replicas = report.MissingReplicas,
            repaired = report.Repaired,
            unrepairable = report.Unrepairable,
            orphans = report.Orphans,
            collected = report.Collected,
            usage_drifts = report.UsageDrifts,
            seconds = Math.Round(watch.Elapsed.TotalSeconds, 1),
        }));
    }

    private async Task CheckReferencedAsync(string account, bool repair, FsckReport report, CallContext call, Func<string, Task> say, CancellationToken ct)
    {
        var marker = "";
        var lastReport = Stopwatch.StartNew();
        do
        {
            var page = await CatalogJsonAsync(rings.Account, HttpMethod.Get,
                $"/blobs?account={Uri.EscapeDataString(account)}&limit={PageSize}&marker={Uri.EscapeDataString(marker)}", null, call, ct);
            var blobs = page?["blobs"]?.AsArray() ?? [];
            var findings = new List<string>();
            await Parallel.ForEachAsync(blobs, new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = ct }, async (blob, token) =>
            {
                var id = (string)blob!["blob_id"]!;
                var line = await CheckBlobAsync(id, repair, report, token);
                if (line is not null)
                {
                    lock (findings)
                    {
                        findings.Add(line);
                    }
                }
            });
            foreach (var line in findings)
            {
                await say(line);
            }

            marker = (string?)page?["next_marker"] ?? "";
            if (lastReport.Elapsed > TimeSpan.FromSeconds(2) || marker.Length == 0)
            {
                await say($"checked {report.Checked} blobs, {report.MissingReplicas} missing replicas, {report.Repaired} repaired");
                lastReport.Restart();
            }
        }
        while (marker.Length > 0);
    }

    private async Task<string?> CheckBlobAsync(string id, bool repair, FsckReport report, CancellationToken ct)
    {
        report.Check();
        var ring = rings.Object;
        var part = ring.GetBlobPartition(id);
        var primaries = ring.GetPrimaries(part);
        var present = new List<RingDevice>();
        var missing = new List<RingDevice>();
        foreach (var node in primaries)
        {
            using var head = new HttpRequestMessage(HttpMethod.Head, BackendUris.For(node, BackendUris.Blob(node, part, id)));
            try
            {
                using var response = await invoker.Invoker.SendAsync(head, ct);
                (response.StatusCode == HttpStatusCode.OK ? present : missing).Add(node);
            }
            catch (HttpRequestException)
            {
                // A node that cannot be asked is not called missing; the next run sees it.
            }
        }

        if (missing.Count == 0)
        {
            return null;
        }

        foreach (var _ in missing)
        {
            report.Missing();
        }

        var where = string.Join(", ", missing.Select(m => $"{m.Endpoint}/{m.Device}"));
        if (!repair)
        {
            return $"missing: blob {id} on {where}";
        }

        if (present.Count == 0)
        {
            report.Unrepaired();
            return $"UNREPAIRABLE: blob {id} is on no replica (missing on {where})";
        }

        foreach (var target in missing)
        {
            if (await CopyBlobAsync(present[0], target, part, id, ct))
            {
                report.Repair();
            }
            else
            {
                report.Unrepaired();
            }
        }

        return $"repaired: blob {id} on {where} from {present[0].Endpoint}/{present[0].Device}";
    }

    // Streams the blob from a good replica into the missing one; the target checks the MD5.
    private async Task<bool> CopyBlobAsync(RingDevice from, RingDevice to, int part, string id, CancellationToken ct)
    {
        using var get = new HttpRequestMessage(HttpMethod.Get, BackendUris.For(from, BackendUris.Blob(from, part, id)));
        using var source = await invoker.Invoker.SendAsync(get, ct);
        if (source.StatusCode != HttpStatusCode.OK)
        {
            return false;
        }

        using var put = new HttpRequestMessage(HttpMethod.Put, BackendUris.For(to, BackendUris.Blob(to, part, id)))
        {
            Content = new StreamContent(await source.Content.ReadAsStreamAsync(ct)),
        };
        put.Content.Headers.ContentLength = source.Content.Headers.ContentLength;
        if (source.Headers.ETag is { } etag)
        {
            put.Headers.TryAddWithoutValidation("ETag", etag.Tag);
        }

        using var stored = await invoker.Invoker.SendAsync(put, ct);
        return stored.IsSuccessStatusCode;
    }

    private async Task CheckOrphansAsync(long grace, bool repair, FsckReport report, CallContext call, Func<string, Task> say, CancellationToken ct)
    {
        var cutoff = time.GetUtcNow().ToUnixTimeSeconds() - grace;
        var servers = rings.Object.Devices.GroupBy(d => d.Endpoint).Select(gr => gr.First()).ToList();
        var scanned = 0;
        foreach (var server in servers)
        {
            var partitions = await ObjectJsonAsync(server, "/recon/partitions", ct) as JsonObject;
            foreach (var (device, parts) in partitions ?? [])
            {
                foreach (var partNode in parts?.AsArray() ?? [])
                {
                    var part = (int)partNode!;
                    var node = server with { Device = device };
                    var entries = (await ObjectJsonAsync(node, $"/{Uri.EscapeDataString(device)}/{part}/blobs", ct))?.AsArray() ?? [];
                    var old = entries.Where(e => (string?)e!["kind"] == "blob" && (long)e["mtime"]! <= cutoff).Select(e => (string)e!["id"]!).ToArray();
                    scanned += entries.Count;
                    foreach (var batch in old.Chunk(PageSize))
                    {
                        var orphans = (await CatalogJsonAsync(rings.Account, HttpMethod.Post, "/blobs/unreferenced", JsonSerializer.Serialize(batch), call, ct))?.AsArray() ?? [];
                        foreach (var orphan in orphans.Select(o => (string)o!))
                        {
                            report.Orphan();
                            if (repair && await DeleteBlobAsync(node, part, orphan, ct))
                            {
                                report.Collect();
                                await say($"collected: orphan blob {orphan} on {node.Endpoint}/{device}");
                            }
                            else
                            {
                                await say($"orphan: blob {orphan} on {node.Endpoint}/{device}");
                            }
                        }
                    }
                }
            }
        }

        await say($"scanned {scanned} files on {servers.Count} object servers, {report.Orphans} orphans, {report.Collected} collected");
    }

    private async Task CheckUsageAsync(string account, bool repair, FsckReport report, CallContext call, Func<string, Task> say, CancellationToken ct)
    {
        var accounts = account.Length > 0
            ? [account]
            : ((await CatalogJsonAsync(rings.Account, HttpMethod.Get, "/users", null, call, ct))?.AsArray() ?? [])
                .Select(u => (string)u!["account"]!).Distinct().ToList();
        foreach (var name in accounts)
        {
            var part = rings.Account.GetPartition(name);
            var result = await CatalogJsonAsync(rings.Account, HttpMethod.Post,
                node => $"/usage-check/{Uri.EscapeDataString(node.Device)}/{part}/{Uri.EscapeDataString(name)}{(repair ? "?repair=true" : "")}", null, call, ct);
            foreach (var drift in result?["drifts"]?.AsArray() ?? [])
            {
                report.UsageDrifts++;
                await say($"{(repair ? "repaired" : "drift")}: {name} {drift!["type"]} {drift["stobjId"]}: counted {drift["countedBytes"]} B / {drift["countedObjects"]} objects, rows hold {drift["actualBytes"]} B / {drift["actualObjects"]}");
            }
        }

        await say($"usage checked for {accounts.Count} accounts, {report.UsageDrifts} drifts");
    }

    private async Task<bool> DeleteBlobAsync(RingDevice node, int part, string id, CancellationToken ct)
    {
        using var delete = new HttpRequestMessage(HttpMethod.Delete, BackendUris.For(node, BackendUris.Blob(node, part, id)));
        using var response = await invoker.Invoker.SendAsync(delete, ct);
        return response.IsSuccessStatusCode;
    }

    private async Task<JsonNode?> ObjectJsonAsync(RingDevice node, string path, CancellationToken ct)
    {
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, BackendUris.For(node, path));
            using var response = await invoker.Invoker.SendAsync(request, ct);
            return response.IsSuccessStatusCode ? JsonNode.Parse(await response.Content.ReadAsStringAsync(ct)) : null;
        }
        catch (HttpRequestException)
        {
            return null;
        }
    }

    private Task<JsonNode?> CatalogJsonAsync(CloudFs.Ring.Ring ring, HttpMethod method, string path, string? json, CallContext call, CancellationToken ct) =>
        CatalogJsonAsync(ring, method, _ => path, json, call, ct);

    private async Task<JsonNode?> CatalogJsonAsync(CloudFs.Ring.Ring ring, HttpMethod method, Func<RingDevice, string> path, string? json, CallContext call, CancellationToken ct)
    {
        var response = await client.SendAsync(selector.ForRead(ring, 0), node =>
        {
            var request = RoleClient.Request(method, node, path(node), call);
            if (json is not null)
            {
                request.Content = new StringContent(json, Encoding.UTF8, "application/json");
            }

            return request;
        }, idempotent: true, ct);
        return response is { IsSuccess: true } ? JsonNode.Parse(response.Body) : null;
    }
}
