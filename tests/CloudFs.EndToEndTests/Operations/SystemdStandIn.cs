using System.Diagnostics;
using System.Net.Sockets;
using System.Text;

namespace CloudFs.EndToEndTests.Operations;

/// <summary>
/// Runs a unit's ExecStart the way systemd runs a Type=notify service, as far as the service can
/// tell: its parent process is named "systemd" (a copy of bash under that name, which .NET's
/// systemd support checks for) and NOTIFY_SOCKET names a datagram socket this class reads, so the
/// READY=1 and STOPPING=1 the server sends are the ones systemd would get.
/// </summary>
public sealed class SystemdStandIn : IDisposable
{
    private readonly Process _parent;
    private readonly Socket _socket;
    private readonly List<string> _notifications = [];
    private readonly StringBuilder _output = new();
    private readonly Task _reader;

    private SystemdStandIn(Process parent, Socket socket)
    {
        _parent = parent;
        _socket = socket;
        _reader = Task.Run(ReadNotificationsAsync);
    }

    /// <summary>Starts <paramref name="command"/> (program and arguments) with <paramref name="environment"/>.</summary>
    public static SystemdStandIn Start(string scratch, string name, IReadOnlyList<string> command, IReadOnlyDictionary<string, string> environment)
    {
        var systemd = Path.Combine(scratch, "systemd");
        if (!File.Exists(systemd))
        {
            File.Copy("/bin/bash", systemd);
        }

        var socketPath = Path.Combine(scratch, $"notify-{name}");
        File.Delete(socketPath);
        var socket = new Socket(AddressFamily.Unix, SocketType.Dgram, ProtocolType.Unspecified);
        socket.Bind(new UnixDomainSocketEndPoint(socketPath));

        // "; exit $?" keeps bash from exec-ing the command, so bash ("systemd") stays its parent.
        var info = new ProcessStartInfo(systemd) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add("-c");
        info.ArgumentList.Add("\"$@\"; exit $?");
        info.ArgumentList.Add(name);
        foreach (var part in command)
        {
            info.ArgumentList.Add(part);
        }

        foreach (var key in info.Environment.Keys.Where(k => k.StartsWith("CLOUDFS_", StringComparison.Ordinal)).ToList())
        {
            info.Environment.Remove(key);
        }

        foreach (var (key, value) in environment)
        {
            info.Environment[key] = value;
        }

        info.Environment["NOTIFY_SOCKET"] = socketPath;
        var parent = Process.Start(info)!;
        var standIn = new SystemdStandIn(parent, socket);
        parent.OutputDataReceived += (_, e) => standIn.Append(e.Data);
        parent.ErrorDataReceived += (_, e) => standIn.Append(e.Data);
        parent.BeginOutputReadLine();
        parent.BeginErrorReadLine();
        return standIn;
    }

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

    public bool HasExited => _parent.HasExited;

    public int ExitCode => _parent.ExitCode;

    /// <summary>Waits until the service sent <paramref name="state"/> (e.g. "READY=1").</summary>
    public async Task WaitForNotificationAsync(string state, TimeSpan timeout)
    {
        var deadline = Stopwatch.StartNew();
        while (!Notified(state))
        {
            if (deadline.Elapsed > timeout || _parent.HasExited)
            {
                throw new TimeoutException($"no {state} within {timeout} (exited: {_parent.HasExited}); notifications: " +
                    $"[{string.Join(", ", Notifications())}]; output:\n{Output}");
            }

            await Task.Delay(100);
        }
    }

    /// <summary>SIGTERM to the service (the parent's child), as systemctl stop sends it.</summary>
    public void Terminate()
    {
        var children = File.ReadAllText($"/proc/{_parent.Id}/task/{_parent.Id}/children").Split(' ', StringSplitOptions.RemoveEmptyEntries);
        foreach (var child in children)
        {
            using var kill = Process.Start("kill", ["-TERM", child])!;
            kill.WaitForExit();
        }
    }

    public async Task<bool> WaitForExitAsync(TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await _parent.WaitForExitAsync(cancel.Token);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    public IReadOnlyList<string> Notifications()
    {
        lock (_notifications)
        {
            return [.. _notifications];
        }
    }

    public void Dispose()
    {
        if (!_parent.HasExited)
        {
            _parent.Kill(entireProcessTree: true);
            _parent.WaitForExit(10_000);
        }

        _parent.Dispose();
        _socket.Dispose();
        _ = _reader.ContinueWith(_ => { }, TaskScheduler.Default);
    }

    private bool Notified(string state) => Notifications().Any(n => n.Split('\n').Contains(state));

    private void Append(string? line)
    {
        if (line is not null)
        {
            lock (_output)
            {
                _output.AppendLine(line);
            }
        }
    }

    private async Task ReadNotificationsAsync()
    {
        var buffer = new byte[4096];
        try
        {
            while (true)
            {
                var length = await _socket.ReceiveAsync(buffer, SocketFlags.None);
                lock (_notifications)
                {
                    _notifications.Add(Encoding.UTF8.GetString(buffer, 0, length));
                }
            }
        }
        catch (Exception ex) when (ex is ObjectDisposedException or SocketException)
        {
            // Disposed: the service is gone.
        }
    }
}
