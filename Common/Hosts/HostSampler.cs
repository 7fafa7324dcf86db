using System.Globalization;
using System.Net.NetworkInformation;
using System.Net.Sockets;
using CloudFs.Common.Contracts;

namespace CloudFs.Common.Hosts;

/// <summary>
/// Samples the Linux host's CPU, memory, network interfaces and block devices from /proc and /sys.
/// CPU shares cover the time since the previous sample (since boot on the first). A file that is
/// missing or unreadable (another OS, a locked-down container) yields zeros or nothing, never an error.
/// </summary>
public sealed class HostSampler
{
    private readonly string _procRoot;
    private readonly string _sysRoot;
    private readonly Lock _lock = new();
    private CpuJiffies _previousCpu;

    public HostSampler(string procRoot = "/proc", string sysRoot = "/sys")
    {
        _procRoot = procRoot;
        _sysRoot = sysRoot;
    }

    public HostSample Sample()
    {
        // One sampler may serve a report timer and an admin endpoint; the CPU baseline must move once per sample.
        lock (_lock)
        {
            return new HostSample(SampleCpu(), SampleMemory(), SampleNetwork(), SampleDisks());
        }
    }

    private CpuSample SampleCpu()
    {
        var stat = ReadProc("stat");
        var current = ProcCpu.ParseStat(stat);
        // Without a reading, keep the old baseline so the next good one still covers the whole gap.
        var (user, system, iowait, idle) = ProcCpu.Percentages(_previousCpu, current ?? _previousCpu);
        if (current is { } reading)
        {
            _previousCpu = reading;
        }

        return new CpuSample(ProcCpu.CountCores(stat), ProcCpu.ParseModel(ReadProc("cpuinfo")), user, system, iowait, idle,
            ProcCpu.ParseLoad1(ReadProc("loadavg")));
    }

    private MemSample SampleMemory() =>
        ProcMemory.Parse(ReadProc("meminfo"), ProcMemory.ParseRss(ReadProc(Path.Combine("self", "status"))));

    private List<NetSample> SampleNetwork()
    {
        var addresses = Ipv4Addresses();
        return ProcNetDev.Parse(ReadProc(Path.Combine("net", "dev")))
            .Select(n => n with { Address = addresses.GetValueOrDefault(n.Iface), SpeedMbps = SpeedMbps(n.Iface) })
            .OrderBy(n => n.Iface, StringComparer.Ordinal)
            .ToList();
    }

    private List<DiskSample> SampleDisks() =>
        ProcDiskStats.Parse(ReadProc("diskstats"), _sysRoot).OrderBy(d => d.Device, StringComparer.Ordinal).ToList();

    private int? SpeedMbps(string iface)
    {
        // Virtual interfaces (lo, bridges) answer EINVAL on read, a link that is down says -1.
        var text = ReadOrEmpty(Path.Combine(_sysRoot, "class", "net", iface, "speed")).Trim();
        return int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var speed) && speed > 0 ? speed : null;
    }

    /// <summary>The first IPv4 address of each interface by name; empty when the platform will not say.</summary>
    private static Dictionary<string, string> Ipv4Addresses()
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        try
        {
            foreach (var nic in NetworkInterface.GetAllNetworkInterfaces())
            {
                var address = nic.GetIPProperties().UnicastAddresses
                    .FirstOrDefault(a => a.Address.AddressFamily == AddressFamily.InterNetwork);
                if (address is not null)
                {
                    result.TryAdd(nic.Name, address.Address.ToString());
                }
            }
        }
        catch (Exception ex) when (ex is NetworkInformationException or PlatformNotSupportedException or IOException or UnauthorizedAccessException)
        {
            // Addresses are a nicety in a report; the counters still go out without them.
        }

        return result;
    }

    private string ReadProc(string relativePath) => ReadOrEmpty(Path.Combine(_procRoot, relativePath));

    private static string ReadOrEmpty(string path)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or NotSupportedException)
        {
            return "";
        }
    }
}
