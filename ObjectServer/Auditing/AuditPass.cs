using System.Globalization;
using CloudFs.Common.Policies;
using CloudFs.Common.Results;
using CloudFs.ObjectServer.Daemons;
using CloudFs.ObjectServer.Storage;
using Microsoft.Extensions.Logging;

namespace CloudFs.ObjectServer.Auditing;

/// <summary>
/// One audit pass (Swift's audit_all_objects): every usable device, every storage policy's tree
/// (blobs, blobs-N), every partition and every blob in it is read whole and checked against the
/// MD5 in its footer; a bad one is quarantined by <see cref="Auditor"/>, for the replicator to
/// restore from a good replica. A blob deleted or quarantined after it was listed is skipped
/// quietly; an I/O error is counted and logged, and the pass goes on (Swift's failsafe audit).
/// </summary>
public sealed partial class AuditPass(BlobStore store, Auditor auditor, DeviceCheck devices, StoragePolicyTable policies, AuditStats stats,
    ILogger<AuditPass> logger)
{
    /// <summary>Runs a whole pass; <paramref name="bytes"/> paces body reads, <paramref name="files"/> blob opens.</summary>
    public async Task<AuditPassFigures?> RunAsync(BytePacer bytes, BytePacer files, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        ArgumentNullException.ThrowIfNull(files);
        stats.PassStarted();
        try
        {
            foreach (var device in devices.AllDevices())
            {
                if (!devices.IsUsable(device))
                {
                    Log.DeviceSkipped(logger, device);
                    continue;
                }

                await AuditDeviceAsync(device, bytes, files, ct);
            }
        }
        catch
        {
            stats.PassAbandoned();
            throw;
        }

        var figures = stats.PassCompleted();
        if (figures is not null)
        {
            Log.PassCompleted(logger, figures.BlobsChecked, figures.BytesRead, figures.Quarantined, figures.Errors,
                ((figures.End ?? figures.Start) - figures.Start).TotalSeconds);
        }

        return figures;
    }

    private async Task AuditDeviceAsync(string device, BytePacer bytes, BytePacer files, CancellationToken ct)
    {
        try
        {
            var blobs = 0L;
            foreach (var policy in policies.Policies)
            {
                foreach (var partition in Partitions(device, policy.Index))
                {
                    foreach (var entry in store.ListPartition(device, partition, policy.Index))
                    {
                        if (entry.Kind != PartitionEntryKind.Blob)
                        {
                            continue;
                        }

                        blobs++;
                        ct.ThrowIfCancellationRequested();
                        if (!await AuditBlobAsync(new BlobAddress(device, partition, entry.Id, policy.Index), bytes, ct))
                        {
                            return;
                        }

                        await files.PaceAsync(1, ct);
                    }
                }
            }

            stats.DeviceWalked(device, blobs);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Listing failed: the device went away or is failing. Leave the rest of it for the next pass.
            stats.Error();
            Log.DeviceFailed(logger, device, ex);
        }
    }

    // False when the device became unusable: the rest of it is not worth trying this pass.
    private async Task<bool> AuditBlobAsync(BlobAddress address, BytePacer bytes, CancellationToken ct)
    {
        var sink = new PacedSink(bytes);
        try
        {
            var audit = await auditor.AuditAsync(address, sink, ct);
            if (audit.IsSuccess)
            {
                stats.BlobChecked(sink.BytesWritten, audit.Value == AuditOutcome.Quarantined);
                if (audit.Value == AuditOutcome.Quarantined)
                {
                    Log.BlobQuarantined(logger, address.ToString());
                }

                return true;
            }

            if (audit.Error.Kind == CloudFsErrorKind.NotFound)
            {
                return true; // deleted or quarantined since it was listed
            }

            stats.Error();
            Log.DeviceUnusable(logger, address.Device, audit.Error.Message);
            return false;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            stats.Error();
            Log.BlobFailed(logger, address.ToString(), ex);
            return true;
        }
    }

    private IEnumerable<int> Partitions(string device, int policy)
    {
        var directory = new DirectoryInfo(store.Layout.BlobsDir(device, policy));
        if (!directory.Exists)
        {
            return [];
        }

        return directory.EnumerateDirectories()
            .Select(d => int.TryParse(d.Name, NumberStyles.None, CultureInfo.InvariantCulture, out var p) ? p : -1)
            .Where(p => p >= 0).Order().ToList();
    }

    private static partial class Log
    {
        [LoggerMessage(160, LogLevel.Information, "Audit pass completed: {Blobs} blobs checked, {Bytes} bytes read, {Quarantined} quarantined, {Errors} errors in {Seconds:F1} s")]
        public static partial void PassCompleted(ILogger logger, long blobs, long bytes, long quarantined, long errors, double seconds);

        [LoggerMessage(161, LogLevel.Warning, "Auditor skipping device {Device}: not usable (missing or not mounted)")]
        public static partial void DeviceSkipped(ILogger logger, string device);

        [LoggerMessage(162, LogLevel.Error, "Auditor: blob {Blob} failed its audit and was quarantined")]
        public static partial void BlobQuarantined(ILogger logger, string blob);

        [LoggerMessage(163, LogLevel.Error, "Auditor could not check blob {Blob}")]
        public static partial void BlobFailed(ILogger logger, string blob, Exception ex);

        [LoggerMessage(164, LogLevel.Error, "Auditor could not walk device {Device}; the rest of it waits for the next pass")]
        public static partial void DeviceFailed(ILogger logger, string device, Exception ex);

        [LoggerMessage(165, LogLevel.Error, "Auditor stopped on device {Device} for this pass: {Reason}")]
        public static partial void DeviceUnusable(ILogger logger, string device, string? reason);
    }
}
