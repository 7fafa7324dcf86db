using CloudFs.EndToEndTests.Proxy;
using MySqlConnector;

namespace CloudFs.EndToEndTests.Cluster;

/// <summary>
/// A three-node MariaDB Galera cluster started by <c>scripts/lib/galera.sh</c>, each node on its
/// own loopback address with the same ports. Tests kill, stop and restart single nodes through the
/// same script, and give each CloudFs host a connection string that prefers its own node and
/// fails over to the others in order (MySqlConnector's LoadBalance=FailOver).
/// </summary>
public sealed class GaleraCluster : IAsyncDisposable
{
    private const string Database = "cloudfs";

    private GaleraCluster(string dir, IReadOnlyList<string> addresses, int port)
    {
        Dir = dir;
        Addresses = addresses;
        Port = port;
    }

    public string Dir { get; }

    public IReadOnlyList<string> Addresses { get; }

    public int Port { get; }

    private static string Script => Path.Combine(RepoPaths.Root, "scripts", "lib", "galera.sh");

    /// <summary>Starts the nodes on three fresh loopback addresses and creates the catalog database (replicated to all).</summary>
    public static async Task<GaleraCluster> StartAsync()
    {
        if (!File.Exists("/usr/lib/galera/libgalera_smm.so"))
        {
            const string message = "galera-4 is not installed; run the tests with scripts/test.sh.";
            if (Environment.GetEnvironmentVariable("CI") is { Length: > 0 })
            {
                Assert.Fail(message);
            }

            Assert.Ignore(message);
        }

        var dir = Directory.CreateTempSubdirectory("cloudfs-galera-").FullName;
        string[] addresses = [LoopbackAddresses.Next(), LoopbackAddresses.Next(), LoopbackAddresses.Next()];
        var start = await ToolRunner.RunAsync("bash", [Script, "start", dir, .. addresses]);
        var port = start.ExitCode == 0 && int.TryParse(start.Output.Trim().Split('\n')[^1], out var p) ? p : 0;
        var cluster = new GaleraCluster(dir, addresses, port);
        if (port == 0)
        {
            await cluster.DisposeAsync();
            Assert.Fail($"galera.sh start failed: {start}");
        }

        await using var connection = new MySqlConnection(cluster.ServerConnectionString(1));
        await connection.OpenAsync();
        await using var create = new MySqlCommand($"CREATE DATABASE `{Database}` CHARACTER SET utf8mb4 COLLATE utf8mb4_bin", connection);
        await create.ExecuteNonQueryAsync();
        return cluster;
    }

    /// <summary>Node <paramref name="node"/> (1-based) alone, without a database.</summary>
    public string ServerConnectionString(int node) =>
        new MySqlConnectionStringBuilder { Server = Addresses[node - 1], Port = (uint)Port, UserID = "cloudfs", Password = "cloudfs" }.ConnectionString;

    /// <summary>The catalog on node <paramref name="first"/>, then the others in order when it cannot be reached.</summary>
    public string CatalogFor(int first) => new MySqlConnectionStringBuilder
    {
        Server = string.Join(',', Addresses.Skip(first - 1).Concat(Addresses.Take(first - 1))),
        Port = (uint)Port,
        UserID = "cloudfs",
        Password = "cloudfs",
        Database = Database,
        LoadBalance = MySqlLoadBalance.FailOver,
    }.ConnectionString;

    /// <summary>kill -9 of one node: it vanishes mid-transaction.</summary>
    public Task KillAsync(int node) => RunAsync("kill", node);

    /// <summary>SIGTERM: the node leaves the cluster cleanly.</summary>
    public Task StopAsync(int node) => RunAsync("term", node);

    /// <summary>
    /// Starts stopped or killed nodes and waits until each has caught up (IST or SST) and is
    /// Synced. Nodes that crashed together come back together: a primary component they lost is
    /// restored (Galera's pc.recovery) only once every member of it is back.
    /// </summary>
    public async Task RejoinAsync(params int[] nodes)
    {
        foreach (var node in nodes)
        {
            await RunAsync("launch", node);
        }

        foreach (var node in nodes)
        {
            await RunAsync("wait-synced", node);
        }
    }

    /// <summary>Each node's Galera state, e.g. "node 1: Synced/Primary, size 3", for a test's output.</summary>
    public async Task<string> DescribeAsync()
    {
        var lines = new List<string>();
        for (var node = 1; node <= Addresses.Count; node++)
        {
            try
            {
                await using var connection = new MySqlConnection(ServerConnectionString(node) + ";Connection Timeout=3");
                await connection.OpenAsync();
                await using var query = new MySqlCommand(
                    "SELECT VARIABLE_NAME, VARIABLE_VALUE FROM information_schema.GLOBAL_STATUS WHERE VARIABLE_NAME IN " +
                    "('WSREP_LOCAL_STATE_COMMENT', 'WSREP_CLUSTER_STATUS', 'WSREP_CLUSTER_SIZE')", connection);
                await using var reader = await query.ExecuteReaderAsync();
                var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
                while (await reader.ReadAsync())
                {
                    values[reader.GetString(0)] = reader.GetString(1);
                }

                lines.Add($"node {node}: {values.GetValueOrDefault("WSREP_LOCAL_STATE_COMMENT")}/{values.GetValueOrDefault("WSREP_CLUSTER_STATUS")}, " +
                    $"size {values.GetValueOrDefault("WSREP_CLUSTER_SIZE")}");
            }
            catch (MySqlException ex)
            {
                lines.Add($"node {node}: {ex.Message}");
            }
        }

        return string.Join("; ", lines);
    }

    public async ValueTask DisposeAsync()
    {
        await ToolRunner.RunAsync("bash", [Script, "stop", Dir]);
        try
        {
            Directory.Delete(Dir, recursive: true);
        }
        catch (IOException)
        {
            // Left for the OS temp cleaner.
        }
    }

    private async Task RunAsync(string command, int node)
    {
        var result = await ToolRunner.RunAsync("bash", [Script, command, Dir, node.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        Assert.That(result.ExitCode, Is.Zero, $"galera.sh {command} {node}: {result}");
    }
}
