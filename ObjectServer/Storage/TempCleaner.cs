using Microsoft.Extensions.Logging;

namespace CloudFs.ObjectServer.Storage;

/// <summary>
/// Deletes everything in each device's tmp/. Run at startup, when no PUT is in flight: whatever
/// is there was cut off by a crash or kill and can never be completed.
/// </summary>
public sealed partial class TempCleaner(DeviceLayout layout, ILogger<TempCleaner> logger)
{
    public int CleanAll()
    {
        if (!Directory.Exists(layout.Root))
        {
            return 0;
        }

        var removed = 0;
        foreach (var device in Directory.EnumerateDirectories(layout.Root))
        {
            var tmp = Path.Combine(device, "tmp");
            if (!Directory.Exists(tmp))
            {
                continue;
            }

            foreach (var file in Directory.EnumerateFiles(tmp))
            {
                try
                {
                    File.Delete(file);
                    removed++;
                }
                catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
                {
                    Log.CleanFailed(logger, file, ex);
                }
            }
        }

        if (removed > 0)
        {
            Log.Cleaned(logger, removed, layout.Root);
        }

        return removed;
    }

    private static partial class Log
    {
        [LoggerMessage(140, LogLevel.Information, "Removed {Count} leftover temp files under {Root}")]
        public static partial void Cleaned(ILogger logger, int count, string root);

        [LoggerMessage(141, LogLevel.Warning, "Could not remove temp file {File}")]
        public static partial void CleanFailed(ILogger logger, string file, Exception ex);
    }
}
