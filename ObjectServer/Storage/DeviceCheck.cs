using Microsoft.Extensions.Logging;

namespace CloudFs.ObjectServer.Storage;

/// <summary>
/// Whether a device may be used: its directory exists and, with <c>ObjectServer:MountCheck</c>
/// on (Swift's mount_check), it is a mount point. An unmounted device's directory is an empty
/// directory on the root filesystem; writing there would fill the wrong disk and reading it would
/// report every blob missing, so blob requests answer 507 and every daemon (auditor, garbage
/// collector, replicator) skips the device instead.
/// </summary>
public sealed partial class DeviceCheck
{
    private readonly DeviceLayout _layout;
    private readonly Func<string, bool?> _isMountPoint;
    private readonly ILogger<DeviceCheck> _logger;

    public DeviceCheck(DeviceLayout layout, ObjectServerOptions options, ILogger<DeviceCheck> logger)
        : this(layout, options.MountCheck, MountTable.IsMountPoint, logger)
    {
    }

    /// <param name="isMountPoint">Path → mount point or not, null when unknown (<see cref="MountTable.IsMountPoint"/>; tests pass their own).</param>
    public DeviceCheck(DeviceLayout layout, bool mountCheck, Func<string, bool?> isMountPoint, ILogger<DeviceCheck> logger)
    {
        _layout = layout ?? throw new ArgumentNullException(nameof(layout));
        MountCheck = mountCheck;
        _isMountPoint = isMountPoint ?? throw new ArgumentNullException(nameof(isMountPoint));
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
    }

    public bool MountCheck { get; }

    /// <summary>True when blobs may be read from and written to this device now.</summary>
    public bool IsUsable(string device) =>
        DeviceName.IsValid(device) && Directory.Exists(_layout.Device(device)) && (!MountCheck || IsMountPoint(device));

    /// <summary>Every device directory under the devices root, usable or not, in name order.</summary>
    public IReadOnlyList<string> AllDevices() =>
        Directory.Exists(_layout.Root)
            ? Directory.EnumerateDirectories(_layout.Root).Select(Path.GetFileName).OfType<string>()
                .Where(DeviceName.IsValid).Order(StringComparer.Ordinal).ToList()
            : [];

    /// <summary>The devices a daemon should walk: <see cref="AllDevices"/> that are usable.</summary>
    public IReadOnlyList<string> UsableDevices() => AllDevices().Where(IsUsable).ToList();

    // Asked on every call, never cached: an unmount must turn into 507 at once.
    private bool IsMountPoint(string device)
    {
        var path = _layout.Device(device);
        if (_isMountPoint(path) is { } known)
        {
            return known;
        }

        Log.CannotTell(_logger, path, MountTable.MountInfoPath);
        return false;
    }

    private static partial class Log
    {
        [LoggerMessage(150, LogLevel.Error, "MountCheck is on but neither statx nor {Table} tells whether {Path} is a mount point; it counts as unmounted")]
        public static partial void CannotTell(ILogger logger, string path, string table);
    }
}
