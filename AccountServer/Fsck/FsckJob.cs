using System.Net;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using CloudFs.AccountServer.Core;
using CloudFs.AccountServer.Data;
using CloudFs.Backend;
using CloudFs.Common.Contracts;
using CloudFs.Common.Http;
using CloudFs.Common.Policies;
using CloudFs.Ring;

namespace CloudFs.AccountServer.Fsck;

/// <summary>
/// fsck: compares the catalog with the object servers. (1) Every blob a row names must be on
/// each of its primary replicas — a missing copy is rewritten from a good one with repair.
/// (2) Blobs on disk that no row names, older than the grace period, are orphans — deleted
/// with repair (whole-cluster runs only). Those already queued for collection (replaced,
/// deleted, abandoned uploads) are counted apart: the collector takes them. (3) Usage counters must equal the rows' sums.
/// The catalog is read in process; object servers are called through the backend client.
/// Progress and findings go to <c>say</c> as text lines, then a JSON summary.
/// </summary>
public sealed class FsckJob(
    CatalogWork work,
    BlobRepository blobs,
    NamespaceRepository names,
    UserService users,
    UsageAudit audit,
    RoleClient client,
    NodeErrorLimiter limiter,
    RingSet rings,
    StoragePolicyTable policies,
    TimeProvider time)
{
    private const int PageSize = 1000;
    private const int Parallelism = 8;

    // A progress line this often while work goes on: the proxy relays the stream under an
    // activity timeout (NodeTimeoutSeconds), which a long silent phase would trip.
    private static readonly TimeSpan ProgressEvery = TimeSpan.FromSeconds(2);

    public async Task<FsckReport> RunAsync(FsckRequest request, Caller caller, CallContext call, Func<string, CancellationToken, Task> say, CancellationToken ct)
    {
        var report = new FsckReport();
        var started = time.GetTimestamp();
        await say($"fsck {(request.WholeCluster ? "whole cluster" : request.Account)}{(request.Repair ? ", repairing" : ", report only")}", ct);
        await CheckReferencedAsync(request, report, call, say, ct);
        if (request.WholeCluster)
        {
            await CheckOrphansAsync(request, report, call, say, ct);
        }

        await CheckUsageAsync(request, caller, report, say, ct);
        await say(JsonSerializer.Serialize(new
        {
            checked_blobs = report.Checked,
            missing_replicas = report.MissingReplicas,
            repaired = report.Repaired,
            unrepairable = report.Unrepairable,
            orphans = report.Orphans,
            collected = report.Collected,
            queued = report.Queued,
            usage_drifts = report.UsageDrifts,
            unverified = report.Unverified,
            clean = report.IsClean(request.Repair),
            seconds = Math.Round(time.GetElapsedTime(started).TotalSeconds, 1),
        }), ct);
        return report;
    }

    private async Task CheckReferencedAsync(FsckRequest request, FsckReport report, CallContext call, Func<string, CancellationToken, Task> say, CancellationToken ct)
    {
        var accountId = request.WholeCluster ? null : await work.ReadAsync(async (session, token) =>
            (await names.FindAccountAsync(session, request.Account, token))?.Id, ct);
        var unknownAccount = !request.WholeCluster && accountId is null;
        var marker = "";
        var lastReport = time.GetTimestamp();
        bool more;
        do
        {
            var page = unknownAccount ? [] : await work.ReadAsync((session, token) => blobs.NamedPageAsync(session, accountId, marker, PageSize, token), ct);
            var findings = new List<string>();
            await Parallel.ForEachAsync(page, new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = ct }, async (named, token) =>
            {
                if (await CheckBlobAsync(named.BlobId, named.PolicyIndex, request.Repair, report, call, token) is { } line)
                {
                    lock (findings)
                    {
                        findings.Add(line);
                    }
                }
            });
            foreach (var line in findings)
            {
                await say(line, ct);
            }

            more = page.Count == PageSize;
            marker = more ? page[^1].BlobId : "";
            if (time.GetElapsedTime(lastReport) > ProgressEvery || !more)
            {
                await say($"checked {report.Checked} blobs, {report.MissingReplicas} missing replicas, {report.Repaired} repaired", ct);
                lastReport = time.GetTimestamp();
            }
        }
        while (more);
    }

    // The blob is looked for on the object ring of the policy it was written under.
    private async Task<string?> CheckBlobAsync(string id, int policy, bool repair, FsckReport report, CallContext call, CancellationToken ct)
    {
        report.Check();
        var ring = rings.ObjectFor(policy);
        var part = ring.GetBlobPartition(id);
        var present = new List<RingDevice>();
        var missing = new List<RingDevice>();
        foreach (var node in ring.GetPrimaries(part))
        {
            // A node that cannot be asked (error-limited, down) is not called missing; the next run sees it.
            // It still makes the run unclean: nobody can say the replica is there.
            if (limiter.IsLimited(node))
            {
                report.Unverify();
                continue;
            }

            var head = await client.SendAsync([node], n => BlobRequest(HttpMethod.Head, n, part, id, policy, call), idempotent: true, ct);
            if (head is null)
            {
                report.Unverify();
            }
            else
            {
                (head.Status == (int)HttpStatusCode.OK ? present : missing).Add(node);
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
        // A blob large objects read from: say which, since their names are what users know.
        var manifests = await work.ReadAsync((session, token) => blobs.ManifestsNamingAsync(session, id, token), ct);
        var pieceOf = manifests.Count == 0 ? "" : $" (a segment of {string.Join(", ", manifests)})";
        if (!repair)
        {
            return $"missing: blob {id} on {where}{pieceOf}";
        }

        if (present.Count == 0)
        {
            report.Unrepaired();
            return $"UNREPAIRABLE: blob {id} is on no replica (missing on {where}){pieceOf}";
        }

        foreach (var target in missing)
        {
            if (await CopyBlobAsync(present[0], target, part, id, policy, call, ct))
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

    // Streams the blob from a good replica into the missing one, chunk by chunk; the target checks the MD5.
    private async Task<bool> CopyBlobAsync(RingDevice from, RingDevice to, int part, string id, int policy, CallContext call, CancellationToken ct)
    {
        using var get = BlobRequest(HttpMethod.Get, from, part, id, policy, call);
        using var source = await client.OpenAsync(from, get, ct);
        if (source is not { StatusCode: HttpStatusCode.OK })
        {
            return false;
        }

        using var put = BlobRequest(HttpMethod.Put, to, part, id, policy, call);
        put.Content = new StreamContent(await source.Content.ReadAsStreamAsync(ct));
        put.Content.Headers.ContentLength = source.Content.Headers.ContentLength;
        if (source.Headers.ETag is { } etag)
        {
            put.Headers.TryAddWithoutValidation("ETag", etag.Tag);
        }

        // The copy keeps the blob's own timestamp rather than the job's.
        if (source.Headers.TryGetValues(CloudFsHeaders.Timestamp, out var stamp))
        {
            put.Headers.Remove(CloudFsHeaders.Timestamp);
            put.Headers.TryAddWithoutValidation(CloudFsHeaders.Timestamp, stamp);
        }

        using var stored = await client.OpenAsync(to, put, ct);
        return stored is { IsSuccessStatusCode: true };
    }

    private async Task CheckOrphansAsync(FsckRequest request, FsckReport report, CallContext call, Func<string, CancellationToken, Task> say, CancellationToken ct)
    {
        var scanned = 0;
        var lastReport = time.GetTimestamp();
        var servers = 0;
        foreach (var policy in policies.Policies)
        {
            (scanned, lastReport, var count) = await CheckPolicyOrphansAsync(request, report, policy.Index, scanned, lastReport, call, say, ct);
            servers = Math.Max(servers, count);
        }

        await say($"scanned {scanned} files on {servers} object servers, {report.Orphans} orphans, {report.Collected} collected, "
            + $"{report.Queued} queued for the garbage collector", ct);
    }

    // One storage policy's blob trees, on the servers of its object ring.
    private async Task<(int Scanned, long LastReport, int Servers)> CheckPolicyOrphansAsync(FsckRequest request, FsckReport report, int policy,
        int scanned, long lastReport, CallContext call, Func<string, CancellationToken, Task> say, CancellationToken ct)
    {
        var cutoff = time.GetUtcNow().ToUnixTimeSeconds() - request.GraceSeconds;
        var servers = rings.ObjectFor(policy).OneDevicePerServer();
        for (var i = 0; i < servers.Count; i++)
        {
            var partitions = await ObjectJsonAsync(servers[i], "/recon/partitions", policy, ContractJson.Default.DictionaryStringInt32Array, call, ct);
            if (partitions is null)
            {
                // A server that cannot list its blobs may hold orphans: the run is not clean.
                report.Unverify();
                await say($"unverified: object server {servers[i].Endpoint} did not list its partitions", ct);
                continue;
            }

            foreach (var (device, parts) in partitions)
            {
                var node = servers[i] with { Device = device };
                foreach (var part in parts)
                {
                    var entries = await ObjectJsonAsync(node, $"/{Uri.EscapeDataString(device)}/{part}/blobs", policy, ContractJson.Default.BlobListingEntryArray, call, ct) ?? [];
                    scanned += entries.Length;
                    var old = entries.Where(e => e.Kind == BlobListingEntry.Blob && e.Mtime <= cutoff).Select(e => e.Id).ToArray();
                    foreach (var batch in old.Chunk(PageSize))
                    {
                        var (orphans, queued) = await work.ReadAsync(async (session, token) =>
                        {
                            var unreferenced = await blobs.UnreferencedAsync(session, batch, token);
                            return (unreferenced, await blobs.QueuedAsync(session, unreferenced, token));
                        }, ct);
                        foreach (var orphan in orphans)
                        {
                            if (queued.Contains(orphan))
                            {
                                // Known garbage: the collector deletes it after its grace.
                                report.Queue();
                                continue;
                            }

                            report.Orphan();
                            if (request.Repair && await DeleteBlobAsync(node, part, orphan, policy, call, ct))
                            {
                                report.Collect();
                                await say($"collected: orphan blob {orphan} on {node.Endpoint}/{device}", ct);
                            }
                            else
                            {
                                await say($"orphan: blob {orphan} on {node.Endpoint}/{device}", ct);
                            }
                        }
                    }

                    if (time.GetElapsedTime(lastReport) > ProgressEvery)
                    {
                        await say($"scanned {scanned} files on {i + 1} of {servers.Count} object servers so far", ct);
                        lastReport = time.GetTimestamp();
                    }
                }
            }
        }

        return (scanned, lastReport, servers.Count);
    }

    private async Task CheckUsageAsync(FsckRequest request, Caller caller, FsckReport report, Func<string, CancellationToken, Task> say, CancellationToken ct)
    {
        IReadOnlyList<string> accounts = request.WholeCluster
            ? (await users.ListAsync(null, ct)).Select(u => "AUTH_" + u.Account).Distinct(StringComparer.Ordinal).ToList()
            : [request.Account];
        var lastReport = time.GetTimestamp();
        for (var i = 0; i < accounts.Count; i++)
        {
            var name = accounts[i];
            var result = await audit.CheckAsync(caller, name, request.Repair, ct);
            foreach (var drift in result.Value ?? [])
            {
                report.UsageDrifts++;
                await say($"{(request.Repair ? "repaired" : "drift")}: {name} {drift.Type} {drift.StobjId}: counted {drift.CountedBytes} B / {drift.CountedObjects} objects, rows hold {drift.ActualBytes} B / {drift.ActualObjects}", ct);
            }

            if (time.GetElapsedTime(lastReport) > ProgressEvery && i < accounts.Count - 1)
            {
                await say($"usage checked for {i + 1} of {accounts.Count} accounts so far", ct);
                lastReport = time.GetTimestamp();
            }
        }

        await say($"usage checked for {accounts.Count} accounts, {report.UsageDrifts} drifts", ct);
    }

    private async Task<bool> DeleteBlobAsync(RingDevice node, int part, string id, int policy, CallContext call, CancellationToken ct)
    {
        var response = await client.SendAsync([node], n => BlobRequest(HttpMethod.Delete, n, part, id, policy, call), idempotent: false, ct);
        return response is { IsSuccess: true };
    }

    private static HttpRequestMessage BlobRequest(HttpMethod method, RingDevice node, int part, string id, int policy, CallContext call)
    {
        var request = RoleClient.Request(method, node, BackendUris.Blob(node, part, id), call);
        BackendUris.AddPolicy(request, policy);
        return request;
    }

    // A small JSON answer from one object server; null when it could not be reached or refused.
    private async Task<T?> ObjectJsonAsync<T>(RingDevice node, string path, int policy, JsonTypeInfo<T> contract, CallContext call, CancellationToken ct)
        where T : class
    {
        var response = await client.SendAsync([node], n =>
        {
            var request = RoleClient.Request(HttpMethod.Get, n, path, call);
            BackendUris.AddPolicy(request, policy);
            return request;
        }, idempotent: true, ct);
        return response is { IsSuccess: true } ? JsonSerializer.Deserialize(response.Body, contract) : null;
    }
}
