using System.Text.Json;
using CloudFs.Backend;
using CloudFs.Common.Contracts;
using CloudFs.Common.Http;
using CloudFs.Common.Policies;
using CloudFs.Common.Time;
using CloudFs.ObjectServer.Storage;
using CloudFs.Ring;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CloudFs.ObjectServer.Collection;

/// <summary>
/// Deletes the local copies of blobs that no catalog row names any more. The account
/// servers keep the queue and check references when they hand out candidates (a later copy
/// keeps a blob alive); this server finds each candidate's partition on each storage policy's
/// object ring (the queue does not say which policy a blob was written under) and deletes it
/// from every local device that holds it in that policy's tree, leaving a tombstone so no
/// replica brings it back.
/// </summary>
public sealed partial class GarbageCollector(BlobStore store, DeviceLayout layout, DeviceCheck deviceCheck, IOptions<ObjectServerOptions> options, RingSet rings,
    StoragePolicyTable policies, RoleClient client, TimeProvider time, ILogger<GarbageCollector> logger) : BackgroundService
{
    private long _collected;

    /// <summary>Local blob copies deleted since start, for /metrics.</summary>
    public long Collected => Interlocked.Read(ref _collected);

    /// <summary>One pass over every candidate; returns how many local blobs it deleted.</summary>
    public async Task<int> CollectOnceAsync(CancellationToken ct)
    {
        var accountServers = rings.Account.OneDevicePerServer();
        var call = new CallContext(TransactionId.New(time), Timestamp.Now(time), null);
        // An unmounted device is skipped: its blobs are not there to delete, and a tombstone
        // written into the bare directory would land on the root filesystem.
        var devices = deviceCheck.UsableDevices();
        var deleted = 0;
        var marker = "";
        do
        {
            var page = await FetchAsync(accountServers, marker, call, ct);
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

                foreach (var policy in policies.Policies)
                {
                    var partition = rings.ObjectFor(policy.Index).GetBlobPartition(text);
                    foreach (var device in devices)
                    {
                        var address = new BlobAddress(device, partition, id, policy.Index);
                        if (File.Exists(layout.DataPath(address)) && (await store.DeleteAsync(address, null, ct)).Value is { Existed: true })
                        {
                            deleted++;
                            Interlocked.Increment(ref _collected);
                        }
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

    // Any account server will do: they share one catalog. The claim is safe to repeat, so the
    // client tries them in turn on any failure.
    private async Task<GarbageCandidates?> FetchAsync(IReadOnlyList<RingDevice> servers, string marker, CallContext call, CancellationToken ct)
    {
        var response = await client.SendAsync(servers,
            node => RoleClient.Request(HttpMethod.Post, node, $"/garbage/claim?limit=1000&marker={Uri.EscapeDataString(marker)}", call),
            idempotent: true, ct);
        if (response is not { IsSuccess: true })
        {
            Log.NoAccountServer(logger, response?.Status ?? 0);
            return null;
        }

        return JsonSerializer.Deserialize(response.Body, ContractJson.Default.GarbageCandidates);
    }

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Information, "Garbage collection deleted {Count} unreferenced blobs")]
        public static partial void Collected(ILogger logger, int count);

        [LoggerMessage(2, LogLevel.Warning, "Garbage collection: no account server handed out candidates (last status {Status}; 0: none answered)")]
        public static partial void NoAccountServer(ILogger logger, int status);

        [LoggerMessage(3, LogLevel.Error, "Garbage collection pass failed")]
        public static partial void PassFailed(ILogger logger, Exception ex);
    }
}
