using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using MySqlConnector;

namespace CloudFs.IntegrationTests.Hosting;

/// <summary>
/// A MariaDB server of the test's own (scratch data dir, free loopback port), for tests
/// that stop and start the database under a running CloudFs server. Uses Debian's
/// mariadbd, which scripts/test.sh installs.
/// </summary>
public sealed class PrivateMariaDb : IAsyncDisposable
{
    private readonly TempDirectory _dir = new("cloudfs-mariadb");
    private Process? _process;

    private PrivateMariaDb(int port) => Port = port;

    public int Port { get; }

    public string ConnectionString(string database) =>
        $"Server=127.0.0.1;Port={Port};User ID=root;Database={database};Connection Timeout=2;Default Command Timeout=10";

    public static async Task<PrivateMariaDb> StartAsync()
    {
        if (!File.Exists("/usr/sbin/mariadbd"))
        {
            var message = "mariadbd is not installed; run the tests with scripts/test.sh.";
            if (Environment.GetEnvironmentVariable("CI") is { Length: > 0 })
            {
                Assert.Fail(message);
            }

            Assert.Ignore(message);
        }

        var server = new PrivateMariaDb(FreePort());
        var user = Environment.UserName;
        await RunAsync("mariadb-install-db", $"--no-defaults --datadir={server._dir.Path}/data --user={user} --auth-root-authentication-method=normal --skip-test-db");
        await server.StartAgainAsync();
        return server;
    }

    public async Task StartAgainAsync()
    {
        var user = Environment.UserName;
        _process = Process.Start(new ProcessStartInfo("/usr/sbin/mariadbd",
            $"--no-defaults --datadir={_dir.Path}/data --user={user} --bind-address=127.0.0.1 --port={Port} --socket={_dir.Path}/sock " +
            $"--pid-file={_dir.Path}/pid --skip-name-resolve --skip-log-bin --innodb-buffer-pool-size=64M --log-error={_dir.Path}/error.log")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            try
            {
                await using var connection = new MySqlConnection($"Server=127.0.0.1;Port={Port};User ID=root;Connection Timeout=2;Pooling=false");
                await connection.OpenAsync();
                return;
            }
            catch (MySqlException) when (DateTime.UtcNow < deadline && !_process.HasExited)
            {
                await Task.Delay(250);
            }
        }
    }

    /// <summary>Stops the server the hard way, as a crash or a cut network would look to clients.</summary>
    public void Stop()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill();
            _process.WaitForExit(30_000);
        }

        MySqlConnection.ClearAllPools();
    }

    public async Task CreateDatabaseAsync(string name)
    {
        await using var connection = new MySqlConnection($"Server=127.0.0.1;Port={Port};User ID=root;Pooling=false");
        await connection.OpenAsync();
        await using var command = new MySqlCommand($"CREATE DATABASE `{name}` CHARACTER SET utf8mb4 COLLATE utf8mb4_bin", connection);
        await command.ExecuteNonQueryAsync();
    }

    public ValueTask DisposeAsync()
    {
        Stop();
        _process?.Dispose();
        _dir.Dispose();
        return ValueTask.CompletedTask;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task RunAsync(string file, string args)
    {
        using var process = Process.Start(new ProcessStartInfo(file, args) { RedirectStandardOutput = true, RedirectStandardError = true })!;
        var output = await process.StandardOutput.ReadToEndAsync() + await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} failed: {output}");
        }
    }
}
