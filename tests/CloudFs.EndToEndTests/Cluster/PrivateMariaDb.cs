using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using MySqlConnector;

namespace CloudFs.EndToEndTests.Cluster;

/// <summary>
/// A MariaDB server of the test's own, which the test may stop (cleanly, or with kill -9) and
/// start again on the same data dir and port while a cluster runs on it: the shared server of
/// scripts/test.sh must never go down under other tests. Started with the flags of
/// scripts/lib/mariadb.sh, with the same cloudfs user; Debian's mariadbd comes from scripts/test.sh.
/// </summary>
public sealed class PrivateMariaDb : IAsyncDisposable
{
    private const string Daemon = "/usr/sbin/mariadbd";
    private readonly string _dir;
    private Process? _process;

    private PrivateMariaDb(string dir, int port)
    {
        _dir = dir;
        Port = port;
    }

    public int Port { get; }

    public bool IsRunning => _process is { HasExited: false };

    /// <summary>The server without a database, as the cloudfs user (as CLOUDFS_TEST_MYSQL is for the shared one).</summary>
    public string ServerConnectionString => $"Server=127.0.0.1;Port={Port};User ID=cloudfs;Password=cloudfs";

    public string ErrorLogPath => Path.Combine(_dir, "error.log");

    /// <summary>Installs a fresh data dir, starts the server on a free port and creates the cloudfs user.</summary>
    public static async Task<PrivateMariaDb> CreateAsync(CancellationToken ct = default)
    {
        if (!File.Exists(Daemon))
        {
            const string message = "mariadbd is not installed; run the tests with scripts/test.sh.";
            if (Environment.GetEnvironmentVariable("CI") is { Length: > 0 })
            {
                Assert.Fail(message);
            }

            Assert.Ignore(message);
        }

        var server = new PrivateMariaDb(Directory.CreateTempSubdirectory("cloudfs-mariadb-").FullName, FreePort());
        try
        {
            await RunAsync("mariadb-install-db", ["--no-defaults", $"--datadir={server.DataDir}", $"--user={Environment.UserName}",
                "--auth-root-authentication-method=normal", "--skip-test-db"], ct);
            await server.StartAsync(ct);
            await using var root = new MySqlConnection(server.RootConnectionString);
            await root.OpenAsync(ct);
            // WITH GRANT OPTION, as scripts/lib/mariadb.sh does.
            await using var grant = new MySqlCommand(
                "CREATE USER 'cloudfs'@'%' IDENTIFIED BY 'cloudfs'; GRANT ALL PRIVILEGES ON *.* TO 'cloudfs'@'%' WITH GRANT OPTION;", root);
            await grant.ExecuteNonQueryAsync(ct);
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    /// <summary>Creates a database (utf8mb4_bin, as the catalog wants) and returns its connection string.</summary>
    public async Task<string> CreateDatabaseAsync(string name, CancellationToken ct = default)
    {
        await using var connection = new MySqlConnection(ServerConnectionString);
        await connection.OpenAsync(ct);
        await using var command = new MySqlCommand($"CREATE DATABASE `{name}` CHARACTER SET utf8mb4 COLLATE utf8mb4_bin", connection);
        await command.ExecuteNonQueryAsync(ct);
        return new MySqlConnectionStringBuilder(ServerConnectionString) { Database = name }.ConnectionString;
    }

    /// <summary>Starts mariadbd on the data dir and port it had (crash recovery after a kill), and waits until it answers.</summary>
    public async Task StartAsync(CancellationToken ct = default)
    {
        if (IsRunning)
        {
            return;
        }

        _process?.Dispose();
        var info = new ProcessStartInfo(Daemon) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        // Durability is traded for speed as in scripts/lib/mariadb.sh: only test data lives here.
        foreach (var arg in (string[])["--no-defaults", $"--datadir={DataDir}", $"--user={Environment.UserName}", "--bind-address=127.0.0.1",
            $"--port={Port}", $"--socket={Path.Combine(_dir, "mysqld.sock")}", $"--pid-file={Path.Combine(_dir, "mysqld.pid")}",
            "--skip-name-resolve", "--skip-log-bin", "--innodb-buffer-pool-size=128M", "--innodb-flush-log-at-trx-commit=2",
            "--max-connections=500", $"--log-error={ErrorLogPath}"])
        {
            info.ArgumentList.Add(arg);
        }

        _process = Process.Start(info)!;
        _process.OutputDataReceived += (_, _) => { };
        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        var deadline = DateTime.UtcNow.AddSeconds(120);
        while (true)
        {
            try
            {
                await using var connection = new MySqlConnection(RootConnectionString);
                await connection.OpenAsync(ct);
                return;
            }
            catch (MySqlException) when (!_process.HasExited && DateTime.UtcNow < deadline)
            {
                await Task.Delay(250, ct);
            }
            catch (MySqlException e)
            {
                throw new InvalidOperationException($"mariadbd did not come up ({(_process.HasExited ? "exited" : "no answer in 120 s")}): {e.Message}\n{ReadErrorLog()}");
            }
        }
    }

    /// <summary>A clean shutdown (SIGTERM, as systemd stops it): waits until the server has exited.</summary>
    public async Task StopAsync(CancellationToken ct = default)
    {
        if (!IsRunning)
        {
            return;
        }

        await RunAsync("kill", ["-TERM", _process!.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)], ct);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(60));
        await _process.WaitForExitAsync(timeout.Token);
    }

    /// <summary>kill -9: the server vanishes mid-transaction, as in a crash or power cut.</summary>
    public void Kill()
    {
        if (IsRunning)
        {
            _process!.Kill();
            _process.WaitForExit(30_000);
        }
    }

    public string ReadErrorLog() => File.Exists(ErrorLogPath) ? File.ReadAllText(ErrorLogPath) : "";

    public ValueTask DisposeAsync()
    {
        Kill();
        _process?.Dispose();
        MySqlConnection.ClearAllPools();
        try
        {
            Directory.Delete(_dir, recursive: true);
        }
        catch (IOException)
        {
            // Left for the OS temp cleaner.
        }

        return ValueTask.CompletedTask;
    }

    private string DataDir => Path.Combine(_dir, "data");

    private string RootConnectionString => $"Server=127.0.0.1;Port={Port};User ID=root;Connection Timeout=2;Pooling=false";

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task RunAsync(string file, string[] args, CancellationToken ct)
    {
        var info = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync(ct);
        var error = process.StandardError.ReadToEndAsync(ct);
        await process.WaitForExitAsync(ct);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {string.Join(' ', args)} failed ({process.ExitCode}): {await output}{await error}");
        }
    }
}
