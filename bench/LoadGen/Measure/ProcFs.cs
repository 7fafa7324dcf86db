using System.Globalization;

namespace CloudFs.Bench.LoadGen.Measure;

/// <summary>Reads /proc: processes of a session, their role, CPU ticks and resident memory.</summary>
public static class ProcFs
{
    /// <summary>USER_HZ: /proc reports CPU times in 1/100 s on Linux.</summary>
    public const double TicksPerSecond = 100.0;

    /// <summary>The server processes in the given sessions (the harness's own shells are skipped).</summary>
    public static IReadOnlyList<ProcessSample> ServersInSessions(IReadOnlyCollection<int> sessions)
    {
        var found = new List<ProcessSample>();
        if (sessions.Count == 0)
        {
            return found;
        }
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out var pid))
            {
                continue;
            }
            var stat = StatFields(pid);
            if (stat is null || !int.TryParse(stat[3], out var session) || !sessions.Contains(session))
            {
                continue;
            }
            var role = Role(pid);
            if (role is not null)
            {
                found.Add(new ProcessSample(pid, role));
            }
        }
        return found;
    }

    /// <summary>utime + stime in seconds, or null when the process is gone.</summary>
    public static double? CpuSeconds(int pid)
    {
        var stat = StatFields(pid);
        if (stat is null)
        {
            return null;
        }
        // Fields after "(comm)": [0]=state ... [11]=utime [12]=stime (proc(5) fields 14 and 15).
        return (long.Parse(stat[11], CultureInfo.InvariantCulture) + long.Parse(stat[12], CultureInfo.InvariantCulture)) / TicksPerSecond;
    }

    /// <summary>VmRSS (or another Vm* line of /proc/pid/status) in bytes, or null when gone.</summary>
    public static long? Memory(int pid, string field = "VmRSS")
    {
        try
        {
            foreach (var line in File.ReadLines($"/proc/{pid}/status"))
            {
                if (line.StartsWith(field + ":", StringComparison.Ordinal))
                {
                    var kb = line[(field.Length + 1)..].Trim().Split(' ')[0];
                    return long.Parse(kb, CultureInfo.InvariantCulture) * 1024;
                }
            }
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
        return null;
    }

    private static string[]? StatFields(int pid)
    {
        try
        {
            var text = File.ReadAllText($"/proc/{pid}/stat");
            var close = text.LastIndexOf(')');
            return close < 0 ? null : text[(close + 2)..].Split(' ');
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>swift-proxy-server, memcached, CloudFs.Proxy, mariadbd (a catalog server), ...; null for anything else.</summary>
    private static string? Role(int pid)
    {
        string[] args;
        try
        {
            args = File.ReadAllText($"/proc/{pid}/cmdline").Split('\0', StringSplitOptions.RemoveEmptyEntries);
        }
        catch (IOException)
        {
            return null;
        }
        if (args.Length == 0)
        {
            return null;
        }
        var exe = Path.GetFileName(args[0]);
        // Swift's memcached and CloudFs's MariaDB catalog are part of the system they serve.
        if (exe is "memcached" or "mariadbd")
        {
            return exe;
        }
        foreach (var arg in args.Skip(1).Take(2))
        {
            var name = Path.GetFileName(arg);
            if (exe.StartsWith("python", StringComparison.Ordinal) && name.StartsWith("swift-", StringComparison.Ordinal) && name.EndsWith("-server", StringComparison.Ordinal))
            {
                return name;
            }
            if (exe == "dotnet" && name.StartsWith("CloudFs.", StringComparison.Ordinal) && name.EndsWith(".dll", StringComparison.Ordinal))
            {
                return name[..^4];
            }
        }
        return exe.StartsWith("CloudFs.", StringComparison.Ordinal) ? exe : null;
    }
}
