using CloudFs.ObjectServer.Daemons;
using CloudFs.ObjectServer.Storage;
using CloudFs.Ring;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CloudFs.ObjectServer.Replication;

/// <summary>
/// Replicates one local partition: compares suffix hashes with each primary, lists only the
/// suffixes that differ, and pushes what the peer lacks (push only: each replica sends its own,
/// so a lost copy comes back from whichever replica still has it). A partition held where the
/// ring does not put it is removed here once every primary holds every entry of it.
/// </summary>
public sealed partial class PartitionReplicator(BlobStore store, ReplicaPeer peer, ReplicationStats stats, IOptions<ReplicationOptions> options,
    TimeProvider time, ILogger<PartitionReplicator> logger)
{
    private readonly BytePacer _pacer = new(options.Value.BytesPerSecond, time);

    public Task ReplicateAsync(PartitionJob job, CancellationToken ct) => ReplicateAsync(job, PeerDigests.None, ct);

    public async Task ReplicateAsync(PartitionJob job, PeerDigests digests, CancellationToken ct)
    {
        // One listing serves both the reclaim and the sync.
        var local = store.ListPartition(job.Device, job.Partition, job.Policy).ToList();
        var cutoff = time.GetUtcNow() - TimeSpan.FromSeconds(options.Value.ReclaimAgeSeconds);
        var reclaimed = await store.ReclaimTombstonesAsync(job.Device, job.Partition, job.Policy, local, cutoff, ct);
        if (reclaimed.Count > 0)
        {
            stats.Reclaimed(reclaimed.Count);
            local.RemoveAll(e => e.Kind == PartitionEntryKind.Tombstone && reclaimed.Contains(e.Id));
        }

        if (local.Count > 0 && job.Targets.Count > 0)
        {
            var hashes = PartitionHashes.Compute(local);
            var digest = PartitionDigest.Compute(hashes);
            var everyTargetHoldsAll = true;
            foreach (var target in job.Targets)
            {
                if (!digests.TryGet(job.Policy, target, job.Partition, out var theirs))
                {
                    everyTargetHoldsAll &= await SyncAsync(job, target, local, hashes, ct);
                }
                else if (theirs is null)
                {
                    everyTargetHoldsAll &= await PushAsync(job, target, SyncPlan.Compute(local, []), ct);
                }
                else if (theirs != digest)
                {
                    everyTargetHoldsAll &= await SyncAsync(job, target, local, hashes, ct);
                }
            }

            if (!job.IsPrimary && everyTargetHoldsAll)
            {
                await RemoveHandedOffAsync(job, local, ct);
            }
        }

        stats.PartitionDone();
    }

    // True when the peer holds every local entry afterwards.
    private async Task<bool> SyncAsync(PartitionJob job, RingDevice target, List<PartitionEntry> local, IReadOnlyDictionary<string, string> hashes, CancellationToken ct)
    {
        var theirs = await peer.HashesAsync(target, job.Partition, job.Policy, ct);
        if (theirs is null)
        {
            return Failed(job, target, "hashes");
        }

        var changed = SyncPlan.ChangedSuffixes(hashes, theirs);
        if (changed.Count == 0)
        {
            return true;
        }

        var listing = await peer.ListAsync(target, job.Partition, job.Policy, changed, ct);
        if (listing is null)
        {
            return Failed(job, target, "listing");
        }

        var suffixes = changed.ToHashSet(StringComparer.Ordinal);
        return await PushAsync(job, target, SyncPlan.Compute(local.Where(e => suffixes.Contains(e.Suffix)), listing), ct);
    }

    // True when every push of the plan landed.
    private async Task<bool> PushAsync(PartitionJob job, RingDevice target, SyncPlan plan, CancellationToken ct)
    {
        var holdsAll = true;
        foreach (var id in plan.Tombstones)
        {
            var address = new BlobAddress(job.Device, job.Partition, id, job.Policy);
            if (store.TombstoneTime(address) is not { } deletedAt)
            {
                continue; // reclaimed since the listing: nothing left to hand over
            }

            if (await peer.PushTombstoneAsync(target, job.Partition, job.Policy, id, deletedAt, ct))
            {
                stats.TombstonePushed();
            }
            else
            {
                holdsAll = Failed(job, target, "tombstone " + id);
            }
        }

        foreach (var id in plan.Blobs)
        {
            var address = new BlobAddress(job.Device, job.Partition, id, job.Policy);
            var opened = await store.OpenAsync(address, ct);
            if (!opened.IsSuccess)
            {
                // Deleted, collected or quarantined since the listing: the next pass sees what is left.
                holdsAll = false;
                continue;
            }

            using var blob = opened.Value;
            bool pushed;
            try
            {
                pushed = await peer.PushBlobAsync(target, job.Partition, job.Policy, blob, _pacer, ct);
            }
            catch (IOException)
            {
                pushed = false; // our copy failed verification on the way out and is quarantined now
            }

            if (pushed)
            {
                stats.BlobPushed(blob.Info.Size);
            }
            else
            {
                holdsAll = Failed(job, target, "blob " + id);
            }
        }

        if (plan.Blobs.Count + plan.Tombstones.Count > 0)
        {
            Log.Pushed(logger, job.ToString(), target.ToString(), plan.Blobs.Count, plan.Tombstones.Count);
        }

        return holdsAll;
    }

    private async Task RemoveHandedOffAsync(PartitionJob job, List<PartitionEntry> local, CancellationToken ct)
    {
        var removed = 0;
        foreach (var entry in local)
        {
            var address = new BlobAddress(job.Device, job.Partition, entry.Id, job.Policy);
            if ((await store.RemoveHandedOffAsync(address, entry.Kind, ct)) is { IsSuccess: true, Value: true })
            {
                removed++;
            }
        }

        stats.HandedOff(removed);
        Log.HandedOff(logger, job.ToString(), removed, job.Targets.Count);
    }

    private bool Failed(PartitionJob job, RingDevice target, string what)
    {
        stats.Failure();
        Log.SyncFailed(logger, job.ToString(), target.ToString(), what);
        return false;
    }

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Information, "Replicated {Job} to {Target}: {Blobs} blobs, {Tombstones} tombstones pushed")]
        public static partial void Pushed(ILogger logger, string job, string target, int blobs, int tombstones);

        [LoggerMessage(2, LogLevel.Information, "Handed off {Job}: every one of {Targets} primaries holds it; removed {Entries} local entries")]
        public static partial void HandedOff(ILogger logger, string job, int entries, int targets);

        [LoggerMessage(3, LogLevel.Warning, "Replicating {Job} to {Target} failed at {What}; retried next pass")]
        public static partial void SyncFailed(ILogger logger, string job, string target, string what);
    }
}
