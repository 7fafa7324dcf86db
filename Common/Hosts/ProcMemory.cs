using System.Globalization;
using CloudFs.Common.Contracts;

namespace CloudFs.Common.Hosts;

/// <summary>Reads memory figures from /proc/meminfo and the process RSS from /proc/self/status.</summary>
public static class ProcMemory
{
    /// <summary>
    /// Total, used, free and cached bytes from /proc/meminfo. Free is MemAvailable (what can be
    /// handed out without swapping), MemFree on kernels before 3.14 that lack it.
    /// </summary>
    public static MemSample Parse(string meminfo, long processRssBytes)
    {
        var values = ParseFields(meminfo);
        long Get(string key) => values.GetValueOrDefault(key);

        var total = Get("MemTotal");
        var free = values.TryGetValue("MemAvailable", out var available) ? available : Get("MemFree");
        var cached = Get("Cached") + Get("Buffers") + Get("SReclaimable");
        return new MemSample(total, Math.Max(0, total - free), free, cached, processRssBytes);
    }

    /// <summary>The resident set size in bytes from a /proc/[pid]/status text; 0 when absent.</summary>
    public static long ParseRss(string status) => ParseFields(status).GetValueOrDefault("VmRSS");

    // "Key:   123 kB" lines; kB values become bytes, unit-less ones (HugePages_Total) stay as they are.
    private static Dictionary<string, long> ParseFields(string text)
    {
        var values = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var line in text.Split('\n'))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0)
            {
                continue;
            }

            var parts = line[(colon + 1)..].Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length == 0 || !long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var value))
            {
                continue;
            }

            var isKb = parts.Length > 1 && parts[1].Equals("kB", StringComparison.OrdinalIgnoreCase);
            values.TryAdd(line[..colon].Trim(), isKb ? value * 1024 : value);
        }

        return values;
    }
}
