using System.Globalization;
using CloudFs.Common.Contracts;

namespace CloudFs.Common.Hosts;

/// <summary>Reads whole block devices' I/O totals from /proc/diskstats and their sizes from sysfs.</summary>
public static class ProcDiskStats
{
    private const long SectorBytes = 512;

    // Loop, RAM and compressed-RAM devices hold no data worth watching and crowd the list.
    private static readonly string[] SkippedPrefixes = ["loop", "ram", "zram"];

    /// <summary>The whole devices of /proc/diskstats, sized from <c>{sysRoot}/block/{name}/size</c>.</summary>
    public static IReadOnlyList<DiskSample> Parse(string diskstats, string sysRoot) =>
        Parse(diskstats, name => WholeDeviceSize(sysRoot, name));

    /// <summary>
    /// The devices of /proc/diskstats that <paramref name="wholeDeviceSize"/> sizes (in bytes);
    /// it returns null for partitions and anything else not to report.
    /// </summary>
    public static IReadOnlyList<DiskSample> Parse(string diskstats, Func<string, long?> wholeDeviceSize)
    {
        var result = new List<DiskSample>();
        foreach (var line in diskstats.Split('\n'))
        {
            var f = line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            if (f.Length < 10 || SkippedPrefixes.Any(p => f[2].StartsWith(p, StringComparison.Ordinal)))
            {
                continue;
            }

            var name = f[2];
            var size = wholeDeviceSize(name);
            if (size is null)
            {
                continue;
            }

            long At(int i) => long.TryParse(f[i], NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v : 0;
            result.Add(new DiskSample(name, "/dev/" + name, size.Value, At(5) * SectorBytes, At(9) * SectorBytes, At(3), At(7)));
        }

        return result;
    }

    /// <summary>
    /// The size in bytes of a whole device (one with a <c>{sysRoot}/block/{name}</c> directory;
    /// partitions have none), 0 when its size file is unreadable; null when it is not a whole device.
    /// </summary>
    public static long? WholeDeviceSize(string sysRoot, string name)
    {
        var dir = Path.Combine(sysRoot, "block", name);
        if (!Directory.Exists(dir))
        {
            return null;
        }

        try
        {
            var text = File.ReadAllText(Path.Combine(dir, "size")).Trim();
            return long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var sectors) ? sectors * SectorBytes : 0;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return 0;
        }
    }
}
