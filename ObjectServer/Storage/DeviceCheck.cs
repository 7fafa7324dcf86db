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
    private readonly Func<string?> _readMountTable;
    private readonly ILogger<DeviceCheck> _logger;

    public DeviceCheck(DeviceLayout layout, ObjectServerOptions options, ILogger<DeviceCheck> logger)
        : this(layout, options.MountCheck, ReadMountInfo, logger)
    {
    }

    /// <param name="readMountTable">Returns mountinfo text, or null when it cannot be read (tests pass their own).</param>
    public DeviceCheck(DeviceLayout layout, bool mountCheck, Func<string?> readMountTable, ILogger<DeviceCheck> logger)
    {
        _layout = layout ?? throw new ArgumentNullException(nameof(layout));
        MountCheck = mountCheck;
        _readMountTable = readMountTable ?? throw new ArgumentNullException(nameof(readMountTable));
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

    // The table is read on every call, not cached: an unmount must turn into 507 at once, and
    // the file is a few KiB served from memory.
    private bool IsMountPoint(string device)
    {
        var path = _layout.Device(device);

        // Like Swift's ismount: a symbolic link is never a mount point.
        if (new DirectoryInfo(path).LinkTarget is not null)
        {
            return false;
        }

        var table = _readMountTable();
        if (table is null)
        {
            Log.NoMountTable(_logger, MountTable.MountInfoPath);
            return false;
        }

        var real = MountTable.RealPath(path) ?? path;
        return MountTable.ParseMountPoints(table).Contains(real);
    }

    private static string? ReadMountInfo()
    {
        try
        {
            return File.ReadAllText(MountTable.MountInfoPath);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static partial class Log
    {
        [LoggerMessage(150, LogLevel.Error, "MountCheck is on but {Path} cannot be read; every device counts as unmounted")]
        public static partial void NoMountTable(ILogger logger, string path);
    }
}
