using Microsoft.Extensions.Logging;

namespace CloudFs.ObjectServer.Storage;

/// <summary>
/// Moves a blob that failed verification out of the way, to <c>{device}/quarantined/blobs/</c>,
/// so it answers 404 and the proxy reads another replica; the replicator later restores a good
/// copy. The bad bytes are kept for an operator to look at, never deleted here.
/// </summary>
public sealed partial class Quarantine(DeviceLayout layout, TimeProvider time, ILogger<Quarantine> logger)
{
    /// <summary>Returns false when the file was already gone (another reader quarantined it first).</summary>
    public bool Move(BlobAddress address, string reason)
    {
        var source = layout.DataPath(address);
        var directory = layout.QuarantineDir(address.Device, address.Policy);
        try
        {
            Directory.CreateDirectory(directory);
            var target = Path.Combine(directory, address.Id.Value + DeviceLayout.DataExtension);
            if (File.Exists(target))
            {
                target += "." + time.GetUtcNow().UtcTicks;
            }

            File.Move(source, target, overwrite: false);
            Log.Quarantined(logger, address.ToString(), reason, target);
            return true;
        }
        catch (FileNotFoundException)
        {
            return false;
        }
        catch (DirectoryNotFoundException)
        {
            return false;
        }
        catch (IOException ex)
        {
            // Leave it in place; the next read will find it bad again.
            Log.QuarantineFailed(logger, address.ToString(), reason, ex);
            return false;
        }
    }

    private static partial class Log
    {
        [LoggerMessage(100, LogLevel.Warning, "Quarantined blob {Blob}: {Reason}; moved to {Target}")]
        public static partial void Quarantined(ILogger logger, string blob, string reason, string target);

        [LoggerMessage(101, LogLevel.Error, "Could not quarantine blob {Blob} ({Reason})")]
        public static partial void QuarantineFailed(ILogger logger, string blob, string reason, Exception ex);
    }
}
