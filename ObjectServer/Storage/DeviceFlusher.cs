using System.Collections.Concurrent;

namespace CloudFs.ObjectServer.Storage;

/// <summary>The <see cref="DeviceSyncGroup"/> of each device, when <see cref="FsyncMode.Grouped"/> is on.</summary>
internal sealed class DeviceFlusher(DeviceLayout layout, FsyncMode mode)
{
    private readonly ConcurrentDictionary<string, DeviceSyncGroup> _groups = new(StringComparer.Ordinal);

    /// <summary>Takes a ticket before writing to <paramref name="device"/>; throws IOException when the device cannot be opened.</summary>
    public FlushTicket Enter(string device) =>
        mode == FsyncMode.Grouped
            ? _groups.GetOrAdd(device, d => new DeviceSyncGroup(d, layout.Device(d))).Enter()
            : FlushTicket.None;
}
