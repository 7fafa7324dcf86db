using CloudFs.Common.Contracts;
using CloudFs.Common.Hosts;
using CloudFs.ObjectServer.Auditing;
using Microsoft.Extensions.Options;

namespace CloudFs.ObjectServer.Storage;

/// <summary>
/// The devices' space for the host report, and the alerts it calls for: <c>device_unmounted</c>
/// for a device the mount check refuses, <c>device_full</c> past <c>ObjectServer:DeviceFullPercent</c>.
/// Blob counts come from the auditor's last walk of each device (0 until it has walked it).
/// </summary>
public sealed class StorageDevices(DiskUsage usage, DeviceLayout layout, AuditStats audit, IOptions<ObjectServerOptions> options) : IStorageSource, IAlertSource
{
    public IReadOnlyList<StorageSample> Measure() => usage.Measure()
        .Select(d => new StorageSample(d.Device, layout.Device(d.Device), d.Mounted, d.TotalBytes, d.UsedBytes, d.FreeBytes, audit.BlobsOn(d.Device)))
        .ToList();

    public IEnumerable<HostAlert> Current()
    {
        var limit = options.Value.DeviceFullPercent;
        foreach (var device in usage.Measure())
        {
            if (!device.Mounted)
            {
                yield return new HostAlert(HostAlertKinds.DeviceUnmounted, device.Device,
                    $"{layout.Device(device.Device)} is not mounted (or not readable); its replicas are served from other nodes");
            }
            else if (device.TotalBytes > 0 && 100.0 * device.UsedBytes / device.TotalBytes > limit)
            {
                yield return new HostAlert(HostAlertKinds.DeviceFull, device.Device,
                    $"{layout.Device(device.Device)} is {100.0 * device.UsedBytes / device.TotalBytes:F1}% full ({device.FreeBytes} bytes free; limit {limit}%)");
            }
        }
    }
}
