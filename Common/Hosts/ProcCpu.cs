using System.Globalization;

namespace CloudFs.Common.Hosts;

/// <summary>The aggregate CPU time counters of /proc/stat, in jiffies since boot.</summary>
public readonly record struct CpuJiffies(long User, long Nice, long System, long Idle, long Iowait, long Irq, long Softirq, long Steal)
{
    // guest and guest_nice are left out on purpose: the kernel already counts them in user and nice.
    public long Total => User + Nice + System + Idle + Iowait + Irq + Softirq + Steal;
}

/// <summary>Reads CPU counters, core count, model and load from /proc text.</summary>
public static class ProcCpu
{
    /// <summary>The counters of the aggregate <c>cpu </c> line of /proc/stat; null when there is none.</summary>
    public static CpuJiffies? ParseStat(string stat)
    {
        foreach (var line in stat.Split('\n'))
        {
            if (!line.StartsWith("cpu ", StringComparison.Ordinal))
            {
                continue;
            }

            var f = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            // Older kernels print fewer columns; the missing ones count as zero.
            long At(int i) => i < f.Length && long.TryParse(f[i], NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v : 0;
            return new CpuJiffies(At(1), At(2), At(3), At(4), At(5), At(6), At(7), At(8));
        }

        return null;
    }

    /// <summary>The number of <c>cpuN</c> lines of /proc/stat (online logical CPUs).</summary>
    public static int CountCores(string stat) =>
        stat.Split('\n').Count(line => line.Length > 3 && line.StartsWith("cpu", StringComparison.Ordinal) && char.IsAsciiDigit(line[3]));

    /// <summary>The first <c>model name</c> of /proc/cpuinfo; null when absent (ARM kernels print none).</summary>
    public static string? ParseModel(string cpuinfo)
    {
        foreach (var line in cpuinfo.Split('\n'))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon > 0 && line[..colon].Trim() == "model name")
            {
                var model = line[(colon + 1)..].Trim();
                return model.Length > 0 ? model : null;
            }
        }

        return null;
    }

    /// <summary>The 1-minute load average, the first field of /proc/loadavg; 0 when unreadable.</summary>
    public static double ParseLoad1(string loadavg)
    {
        var first = loadavg.Split((char[]?)null, 2, StringSplitOptions.RemoveEmptyEntries).FirstOrDefault();
        return first is not null && double.TryParse(first, NumberStyles.Float, CultureInfo.InvariantCulture, out var load) ? load : 0;
    }

    /// <summary>
    /// Time shares between two readings, in percent rounded to 2 decimals: user (user + nice),
    /// system (system + irq + softirq), iowait and idle. Steal counts in the total but in no share.
    /// </summary>
    public static (double User, double System, double Iowait, double Idle) Percentages(CpuJiffies previous, CpuJiffies current)
    {
        // Counters only grow; a smaller value (CPU hot-unplug, a reset) counts as no time rather than negative time.
        static long Delta(long before, long after) => Math.Max(0, after - before);

        var user = Delta(previous.User, current.User) + Delta(previous.Nice, current.Nice);
        var system = Delta(previous.System, current.System) + Delta(previous.Irq, current.Irq) + Delta(previous.Softirq, current.Softirq);
        var iowait = Delta(previous.Iowait, current.Iowait);
        var idle = Delta(previous.Idle, current.Idle);
        var total = user + system + iowait + idle + Delta(previous.Steal, current.Steal);
        if (total == 0)
        {
            return (0, 0, 0, 100);
        }

        double Pct(long part) => Math.Round(100.0 * part / total, 2);
        return (Pct(user), Pct(system), Pct(iowait), Pct(idle));
    }
}
