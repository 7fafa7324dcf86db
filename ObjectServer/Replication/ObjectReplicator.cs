using System.Globalization;
using CloudFs.Backend;
using CloudFs.Common.Policies;
using CloudFs.ObjectServer.Storage;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CloudFs.ObjectServer.Replication;

/// <summary>
/// The object replicator daemon: every interval, one pass over every partition of every local
/// device and storage policy, a few partitions at a time. Handoff partitions go first, so data
/// moved by a ring change or parked during an outage goes home before the routine checks.
/// </summary>
public sealed partial class ObjectReplicator(PartitionReplicator replicator, ReplicaPeer peer, DeviceLayout layout, DeviceCheck deviceCheck, RingSet rings, StoragePolicyTable policies,
    LocalNode local, ReplicationStats stats, IOptions<ReplicationOptions> options, TimeProvider time, ILogger<ObjectReplicator> logger)
    : BackgroundService
{
    /// <summary>One full pass; also what tests and an operator's "replicate now" call.</summary>
    public async Task RunPassAsync(CancellationToken ct)
    {
        var jobs = Plan().OrderBy(j => j.IsPrimary).ToList();
        stats.BeginPass(jobs.Count);
        try
        {
            var digests = await PeerDigests.FetchAsync(peer, jobs, options.Value.Concurrency, ct);
            await Parallel.ForEachAsync(jobs, new ParallelOptions { MaxDegreeOfParallelism = options.Value.Concurrency, CancellationToken = ct },
                async (job, token) =>
                {
                    try
                    {
                        await replicator.ReplicateAsync(job, digests, token);
                    }
                    catch (Exception ex) when (!token.IsCancellationRequested)
                    {
                        stats.Failure();
                        Log.JobFailed(logger, job.ToString(), ex);
                    }
                });
        }
        finally
        {
            stats.EndPass();
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (options.Value.IntervalSeconds <= 0)
        {
            return;
        }

        var interval = TimeSpan.FromSeconds(options.Value.IntervalSeconds);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(interval, time, stoppingToken);
                await RunPassAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                Log.PassFailed(logger, ex);
            }
        }
    }

    private IEnumerable<PartitionJob> Plan()
    {
        // Unmounted devices are skipped (MountCheck): their partitions are the other replicas' to restore.
        var devices = deviceCheck.UsableDevices().Order(StringComparer.Ordinal).ToList();
        foreach (var policy in policies.Policies)
        {
            var ring = rings.ObjectFor(policy.Index);
            foreach (var device in devices)
            {
                var blobs = layout.BlobsDir(device, policy.Index);
                if (!Directory.Exists(blobs))
                {
                    continue;
                }

                foreach (var directory in Directory.GetDirectories(blobs))
                {
                    if (int.TryParse(Path.GetFileName(directory), NumberStyles.None, CultureInfo.InvariantCulture, out var partition)
                        && ReplicationPlanner.Plan(ring, local.Owns, policy.Index, device, partition) is { } job)
                    {
                        yield return job;
                    }
                }
            }
        }
    }

    private static partial class Log
    {
        [LoggerMessage(10, LogLevel.Error, "Replicating {Job} failed")]
        public static partial void JobFailed(ILogger logger, string job, Exception ex);

        [LoggerMessage(11, LogLevel.Error, "Replication pass failed")]
        public static partial void PassFailed(ILogger logger, Exception ex);
    }
}
