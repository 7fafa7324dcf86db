namespace CloudFs.ObjectServer.Storage;

/// <summary>
/// Space per device for /recon/diskusage. Blob counts are left out on purpose: counting means
/// walking every suffix directory, which is the replicator's job, not a recon call's. A device
/// the mount check refuses shows as not mounted, with no figures (Swift does the same).
/// </summary>
public sealed class DiskUsage(DeviceLayout layout, DeviceCheck devices)
{
    public IReadOnlyList<DeviceUsage> Measure()
    {
        if (!Directory.Exists(layout.Root))
        {
            return [];
        }

        var result = new List<DeviceUsage>();
        foreach (var path in Directory.EnumerateDirectories(layout.Root).Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileName(path);
            if (!DeviceName.IsValid(name))
            {
                continue;
            }

            if (!devices.IsUsable(name))
            {
                result.Add(new DeviceUsage(name, false, 0, 0, 0));
                continue;
            }

            try
            {
                var drive = new DriveInfo(path);
                result.Add(new DeviceUsage(name, true, drive.TotalSize, drive.AvailableFreeSpace, drive.TotalSize - drive.TotalFreeSpace));
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException)
            {
                result.Add(new DeviceUsage(name, false, 0, 0, 0));
            }
        }

        return result;
    }
}
