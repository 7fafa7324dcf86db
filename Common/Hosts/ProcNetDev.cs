using System.Globalization;
using CloudFs.Common.Contracts;

namespace CloudFs.Common.Hosts;

/// <summary>Reads per-interface byte totals from /proc/net/dev.</summary>
public static class ProcNetDev
{
    /// <summary>
    /// Every interface (lo included) with its received and transmitted bytes; address and speed
    /// are left null for the caller, which knows where to look them up.
    /// </summary>
    public static IReadOnlyList<NetSample> Parse(string netDev)
    {
        var result = new List<NetSample>();
        foreach (var line in netDev.Split('\n'))
        {
            // The two header lines have no colon; old kernels glue the first number to it ("eth0:1234").
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0)
            {
                continue;
            }

            var name = line[..colon].Trim();
            var f = line[(colon + 1)..].Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            if (name.Length == 0 || f.Length < 9
                || !long.TryParse(f[0], NumberStyles.None, CultureInfo.InvariantCulture, out var rx)
                || !long.TryParse(f[8], NumberStyles.None, CultureInfo.InvariantCulture, out var tx))
            {
                continue;
            }

            result.Add(new NetSample(name, null, null, rx, tx));
        }

        return result;
    }
}
