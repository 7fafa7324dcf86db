using System.Diagnostics;
using System.Text;

namespace CloudFs.EndToEndTests.Cluster;

/// <summary>
/// scripts/cluster.sh run as a person runs it, in the foreground, on a scratch state dir and
/// test loopback addresses; what it prints is kept for waiting on a line and for failure messages.
/// </summary>
public sealed class ClusterScript : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private ClusterScript(Process process, string state)
    {
        _process = process;
        State = state;
    }

    /// <summary>The state dir (CLOUDFS_STATE): rings, devices, run/*.pid, log/.</summary>
    public string State { get; }

    public string RunDir => Path.Combine(State, "run");

    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    /// <summary>Everything the script printed so far, stdout and stderr interleaved.</summary>
    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>Starts <c>scripts/cluster.sh args...</c> with the given addresses and state (built code only: pass --no-build).</summary>
    public static ClusterScript Start(string state, string proxyAddress, IEnumerable<string> hostAddresses, params string[] args)
    {
        var info = new ProcessStartInfo("bash")
        {
            WorkingDirectory = RepoPaths.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(Path.Combine(RepoPaths.Root, "scripts", "cluster.sh"));
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        // The test runner's own CLOUDFS_ settings must not reach the servers.
        foreach (var key in info.Environment.Keys.Where(k => k.StartsWith("CLOUDFS_", StringComparison.Ordinal)).ToList())
        {
            info.Environment.Remove(key);
        }

        info.Environment["CLOUDFS_STATE"] = state;
        info.Environment["CLOUDFS_PROXY_ADDRESS"] = proxyAddress;
        info.Environment["CLOUDFS_HOST_ADDRESSES"] = string.Join(' ', hostAddresses);
        info.Environment["CLOUDFS_CONFIGURATION"] = RepoPaths.Configuration;
        var process = new Process { StartInfo = info };
        var script = new ClusterScript(process, state);
        process.OutputDataReceived += (_, e) => script.Append(e.Data);
        process.ErrorDataReceived += (_, e) => script.Append(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return script;
    }

    /// <summary>Waits until a line starting with <paramref name="prefix"/> (after leading blanks) is printed; returns it.</summary>
    public async Task<string> WaitForLineAsync(string prefix, TimeSpan timeout)
    {
        string? found = null;
        await Wait.UntilAsync(() =>
        {
            found = Output.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.StartsWith(prefix, StringComparison.Ordinal));
            if (found is null && HasExited)
            {
                Assert.Fail($"cluster.sh exited ({_process.ExitCode}) before printing '{prefix}':\n{Output}");
            }

            return Task.FromResult(found is not null);
        }, $"cluster.sh prints '{prefix}'", timeout);
        return found!;
    }

    /// <summary>The pid in run/NAME.pid (e.g. object-127.0.0.3), or null while there is none.</summary>
    public int? ReadPid(string name)
    {
        try
        {
            return int.TryParse(File.ReadAllText(Path.Combine(RunDir, name + ".pid")).Trim(), out var pid) ? pid : null;
        }
        catch (IOException)
        {
            return null;
        }
    }

    /// <summary>Every pid file in run/ by service name.</summary>
    public IReadOnlyDictionary<string, int> ReadPids() =>
        Directory.Exists(RunDir)
            ? Directory.GetFiles(RunDir, "*.pid")
                .Select(f => (Name: Path.GetFileNameWithoutExtension(f), Pid: ReadPid(Path.GetFileNameWithoutExtension(f))))
                .Where(p => p.Pid is not null)
                .ToDictionary(p => p.Name, p => p.Pid!.Value)
            : new Dictionary<string, int>();

    /// <summary>SIGTERM, as systemd or a terminal's kill would send, then waits for the script to exit.</summary>
    public async Task StopAsync(TimeSpan timeout)
    {
        if (!HasExited)
        {
            Signal(Id, "TERM");
        }

        using var cancel = new CancellationTokenSource(timeout);
        await _process.WaitForExitAsync(cancel.Token);
    }

    /// <summary>Whether the process runs (a zombie does not count: it only waits to be reaped).</summary>
    public static bool IsAlive(int pid)
    {
        string stat;
        try
        {
            stat = File.ReadAllText($"/proc/{pid}/stat");
        }
        catch (IOException)
        {
            return false;
        }
        catch (UnauthorizedAccessException)
        {
            return true;
        }

        // "pid (command) S ...": the state letter follows the last parenthesis.
        var state = stat[(stat.LastIndexOf(')') + 2)..];
        return !state.StartsWith('Z') && !state.StartsWith('X');
    }

    public static void Signal(int pid, string signal)
    {
        using var kill = Process.Start(new ProcessStartInfo("kill") { ArgumentList = { "-" + signal, pid.ToString(System.Globalization.CultureInfo.InvariantCulture) }, UseShellExecute = false })!;
        kill.WaitForExit();
    }

    /// <summary>Leaves nothing running, whatever state the test left the script in.</summary>
    public async ValueTask DisposeAsync()
    {
        var pids = ReadPids().Values.ToList();
        if (!HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        foreach (var pid in pids.Where(IsAlive))
        {
            Signal(pid, "KILL");
        }

        _process.Dispose();
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }
    }
}
