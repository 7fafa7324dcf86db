namespace CloudFs.ObjectServer.Storage;

/// <summary>Creates directories on a device durably and flushes them after renames.</summary>
internal sealed class DeviceDirectories(DeviceLayout layout, FsyncMode fsync)
{
    /// <summary>
    /// Creates missing directories below the device and fsyncs each new one's parent, so the
    /// path to a renamed file survives a crash too. Never creates the device directory itself:
    /// if it vanished (unmounted), writing into its parent would fill the root filesystem
    /// instead of failing with 507.
    /// </summary>
    public void Ensure(string path, string device)
    {
        if (Directory.Exists(path))
        {
            return;
        }

        if (string.Equals(path, layout.Device(device), StringComparison.Ordinal))
        {
            throw new DirectoryNotFoundException($"Device directory {path} disappeared.");
        }

        var parent = Path.GetDirectoryName(path)!;
        Ensure(parent, device);
        Directory.CreateDirectory(path);
        Sync(parent);
    }

    public void Sync(string path)
    {
        if (fsync == FsyncMode.Always)
        {
            DirectorySync.Flush(path);
        }
    }
}
