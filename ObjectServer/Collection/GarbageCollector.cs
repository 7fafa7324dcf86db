using System.Net.Http.Json;
using System.Text.Json.Serialization;
using CloudFs.Common.Contracts;
using CloudFs.Common.Hosting;
using CloudFs.ObjectServer.Storage;
using CloudFs.Ring;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CloudFs.ObjectServer.Collection;

/// <summary>
/// Deletes the local copies of blobs that no catalog row names any more. The account
/// servers keep the queue and check references when they hand out candidates (a later copy
/// keeps a blob alive); this server finds each candidate's partition on the object ring and
/// deletes it from every local device that holds it, leaving a tombstone so no replica
/// brings it back.
/// </summary>
public sealed partial class GarbageCollector(BlobStore store, DeviceLayout layout, IOptions<ObjectServerOptions> options, IOptions<ServerOptions> server,
    IOptions<ClusterOptions> cluster, IHttpClientFactory httpFactory, TimeProvider time, ILogger<GarbageCollector> logger) : BackgroundService
{
    private RingProvider? _accountRing;
    private RingProvider? _objectRing;

    /// <summary>One pass over every candidate; returns how many local blobs it deleted.</summary>
    public async Task<int> CollectOnceAsync(CancellationToken ct)
    {
        _accountRing ??= new RingProvider(server.Value.RingDir, RingRoles.Account, cluster.Value.HashPathPrefix, cluster.Value.HashPathSuffix, time);
        _objectRing ??= new RingProvider(server.Value.RingDir, RingRoles.Object, cluster.Value.HashPathPrefix, cluster.Value.HashPathSuffix, time);
        var accountServers = _accountRing.Current.Devices.Select(d => $"http://{d.Ip}:{d.Port}").Distinct().ToList();
        var devices = Directory.Exists(layout.Root) ? Directory.GetDirectories(layout.Root).Select(Path.GetFileName).OfType<string>().ToList() : [];
        var http = httpFactory.CreateClient(nameof(GarbageCollector));
        var deleted = 0;
        var marker = "";
        do
        {
            var page = await FetchAsync(http, accountServers, marker, ct);
            if (page is null)
            {
                return deleted;
            }

            foreach (var text in page.BlobIds)
            {
                if (!BlobId.TryParse(text, out var id))
                {
                    continue;
                }

                var partition = _objectRing.Current.GetBlobPartition(text);
                foreach (var device in devices)
                {
                    var address = new BlobAddress(device, partition, id);
                    if (File.Exists(layout.DataPath(address)) && (await store.DeleteAsync(address, null, ct)).Value is { Existed: true })
                    {
                        deleted++;
                    }
                }
            }

            marker = page.NextMarker ?? "";
        }
        while (marker.Length > 0);

        if (deleted > 0)
        {
            Log.Collected(logger, deleted);
        }

        return deleted;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (options.Value.GarbageIntervalSeconds <= 0)
        {
            return;
        }

        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(options.Value.GarbageIntervalSeconds), time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await CollectOnceAsync(stoppingToken);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                Log.PassFailed(logger, ex);
            }
        }
    }

    // Any account server will do: they share one catalog. Try them in turn.
    private async Task<GarbageCandidates?> FetchAsync(HttpClient http, IReadOnlyList<string> servers, string marker, CancellationToken ct)
    {
        foreach (var baseUrl in servers)
        {
            try
            {
                // A POST: the account server purges old queue rows when a pass starts.
                using var response = await http.PostAsync($"{baseUrl}/garbage/claim?limit=1000&marker={Uri.EscapeDataString(marker)}", null, ct);
                response.EnsureSuccessStatusCode();
                return await response.Content.ReadFromJsonAsync(ContractJson.Default.GarbageCandidates, ct);
            }
            catch (HttpRequestException ex)
            {
                Log.AccountServerUnreachable(logger, baseUrl, ex.Message);
            }
        }

        return null;
    }

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Information, "Garbage collection deleted {Count} unreferenced blobs")]
        public static partial void Collected(ILogger logger, int count);

        [LoggerMessage(2, LogLevel.Warning, "Garbage collection: account server {Url} unreachable: {Reason}")]
        public static partial void AccountServerUnreachable(ILogger logger, string url, string reason);

        [LoggerMessage(3, LogLevel.Error, "Garbage collection pass failed")]
        public static partial void PassFailed(ILogger logger, Exception ex);
    }
}
