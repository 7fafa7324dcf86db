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
public class OneHostMariaDbClusterScriptTests() : ClusterScriptTestBase("cloudfs-onehost-mariadb")
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(4);

    // The one-host cluster binds 127.0.0.1:7010-7013 (run the E2E tests in a private network namespace).
    private const string Address = "127.0.0.1";

    [Test]
    public async Task ClusterScript_CatalogMariaDb_KeepsRowsInMariaDbStopsItWithTheServers()
    {
        var state = Path.Combine(Root, "state");
        Script = ClusterScript.Start(state, Address, [], "--catalog", "mariadb", "--no-build");
        var mariadb = await Script.WaitForLineAsync("MariaDB:", StartTimeout);
        Assert.That(mariadb, Does.Match(@"^MariaDB:\s+127\.0\.0\.1:\d+, database cloudfs, user cloudfs, password in "));
        await Script.WaitForLineAsync("Ctrl-C stops the cluster.", StartTimeout);
        var port = (await File.ReadAllTextAsync(Path.Combine(state, "mariadb", "port"))).Trim();

        await File.WriteAllTextAsync(Path.Combine(Root, "note.txt"), "kept in MariaDB's catalog");
        var upload = await SwiftAsync("upload", "notes", "note.txt");
        Assert.That(upload.ExitCode, Is.Zero, $"{upload}\n{Script.Output}");

        // The object's row is in MariaDB's catalog, and no SQLite catalog was made.
        var rows = await SqlAsync(port, "SELECT COUNT(*) FROM stobj WHERE name = 'note.txt'");
        Assert.That(rows.Output.Trim(), Is.EqualTo("1"), rows.ToString());
        Assert.That(File.Exists(Path.Combine(state, "catalog.db")), Is.False, "no SQLite catalog");

        // SIGTERM: every server and MariaDB stop with the script.
        var mariadbPid = int.Parse((await File.ReadAllTextAsync(Path.Combine(state, "mariadb", "mysqld.pid"))).Trim(), CultureInfo.InvariantCulture);
        await Script.StopAsync(TimeSpan.FromMinutes(2));
        Assert.That(ClusterScript.IsAlive(mariadbPid), Is.False, "MariaDB still running after SIGTERM");

        // Started again on the same state: the same MariaDB data dir, port and object.
        await Script.DisposeAsync();
        Script = ClusterScript.Start(state, Address, [], "--catalog", "mariadb", "--no-build");
        Assert.That(await Script.WaitForLineAsync("MariaDB:", StartTimeout), Is.EqualTo(mariadb));
        await Script.WaitForLineAsync("Ctrl-C stops the cluster.", StartTimeout);
        var list = await SwiftAsync("list", "notes");
        Assert.That(list.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries), Is.EqualTo(new[] { "note.txt" }), $"{list}\n{Script.Output}");
        await Script.StopAsync(TimeSpan.FromMinutes(2));
    }

    private Task<ToolRunner.Result> SwiftAsync(params string[] args) =>
        ToolRunner.RunAsync("swift", ["-A", $"http://{Address}:7010/auth/v1.0", "-U", "test:tester", "-K", "testing", .. args], Root);

    private Task<ToolRunner.Result> SqlAsync(string port, string sql) =>
        ToolRunner.RunAsync("mariadb", ["--no-defaults", "-h127.0.0.1", $"-P{port}", "-uroot", "-N", "-B", "cloudfs", "-e", sql], Root);
}
