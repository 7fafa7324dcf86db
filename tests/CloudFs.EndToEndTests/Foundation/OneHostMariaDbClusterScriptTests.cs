using System.Globalization;
using CloudFs.EndToEndTests.Cluster;
using CloudFs.EndToEndTests.Proxy;

namespace CloudFs.EndToEndTests.Foundation;

/// <summary>
/// README command 1c, run as a person runs it: scripts/cluster.sh --catalog mariadb, one host with a
/// private MariaDB as its catalog. A swift round trip whose row is in MariaDB (and no SQLite file),
/// and a SIGTERM that stops MariaDB with the servers; a restart on the same state keeps the object.
/// </summary>
[Category("E2E")]
[NonParallelizable]
public class OneHostMariaDbClusterScriptTests
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(4);

    // The one-host cluster binds 127.0.0.1:7010-7013 (run the E2E tests in a private network namespace).
    private const string Address = "127.0.0.1";

    private string _root = null!;
    private ClusterScript? _script;

    [SetUp]
    public void CreateScratch() => _root = Directory.CreateTempSubdirectory("cloudfs-onehost-mariadb-").FullName;

    [TearDown]
    public async Task CleanUpAsync()
    {
        if (_script is not null)
        {
            await _script.DisposeAsync();
        }

        Directory.Delete(_root, recursive: true);
    }

    [Test]
    public async Task ClusterScript_CatalogMariaDb_KeepsRowsInMariaDbStopsItWithTheServers()
    {
        var state = Path.Combine(_root, "state");
        _script = ClusterScript.Start(state, Address, [], "--catalog", "mariadb", "--no-build");
        var mariadb = await _script.WaitForLineAsync("MariaDB:", StartTimeout);
        Assert.That(mariadb, Does.Match(@"^MariaDB:\s+127\.0\.0\.1:\d+, database cloudfs, user cloudfs, password in "));
        await _script.WaitForLineAsync("Ctrl-C stops the cluster.", StartTimeout);
        var port = (await File.ReadAllTextAsync(Path.Combine(state, "mariadb", "port"))).Trim();

        await File.WriteAllTextAsync(Path.Combine(_root, "note.txt"), "kept in MariaDB's catalog");
        var upload = await SwiftAsync("upload", "notes", "note.txt");
        Assert.That(upload.ExitCode, Is.Zero, $"{upload}\n{_script.Output}");

        // The object's row is in MariaDB's catalog, and no SQLite catalog was made.
        var rows = await SqlAsync(port, "SELECT COUNT(*) FROM stobj WHERE name = 'note.txt'");
        Assert.That(rows.Output.Trim(), Is.EqualTo("1"), rows.ToString());
        Assert.That(File.Exists(Path.Combine(state, "catalog.db")), Is.False, "no SQLite catalog");

        // SIGTERM: every server and MariaDB stop with the script.
        var mariadbPid = int.Parse((await File.ReadAllTextAsync(Path.Combine(state, "mariadb", "mysqld.pid"))).Trim(), CultureInfo.InvariantCulture);
        await _script.StopAsync(TimeSpan.FromMinutes(2));
        Assert.That(ClusterScript.IsAlive(mariadbPid), Is.False, "MariaDB still running after SIGTERM");

        // Started again on the same state: the same MariaDB data dir, port and object.
        await _script.DisposeAsync();
        _script = ClusterScript.Start(state, Address, [], "--catalog", "mariadb", "--no-build");
        Assert.That(await _script.WaitForLineAsync("MariaDB:", StartTimeout), Is.EqualTo(mariadb));
        await _script.WaitForLineAsync("Ctrl-C stops the cluster.", StartTimeout);
        var list = await SwiftAsync("list", "notes");
        Assert.That(list.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries), Is.EqualTo(new[] { "note.txt" }), $"{list}\n{_script.Output}");
        await _script.StopAsync(TimeSpan.FromMinutes(2));
    }

    private Task<ToolRunner.Result> SwiftAsync(params string[] args) =>
        ToolRunner.RunAsync("swift", ["-A", $"http://{Address}:7010/auth/v1.0", "-U", "test:tester", "-K", "testing", .. args], _root);

    private Task<ToolRunner.Result> SqlAsync(string port, string sql) =>
        ToolRunner.RunAsync("mariadb", ["--no-defaults", "-h127.0.0.1", $"-P{port}", "-uroot", "-N", "-B", "cloudfs", "-e", sql], _root);
}
