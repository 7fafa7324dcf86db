using CloudFs.EndToEndTests.Cluster;
using Dapper;
using MySqlConnector;

namespace CloudFs.EndToEndTests.Proxy;

/// <summary>The swift CLI round trip with the catalog on a real MariaDB.</summary>
[Category("E2E")]
public class MariaDbSwiftTests
{
    private string _database = "";
    private string _connectionString = "";

    [SetUp]
    public async Task CreateDatabaseAsync()
    {
        var server = Environment.GetEnvironmentVariable("CLOUDFS_TEST_MYSQL");
        if (string.IsNullOrEmpty(server))
        {
            const string message = "CLOUDFS_TEST_MYSQL is not set; run scripts/test.sh.";
            if (Environment.GetEnvironmentVariable("CI") is { Length: > 0 })
            {
                Assert.Fail(message);
            }

            Assert.Ignore(message);
        }

        _database = $"cloudfs_e2e_{Guid.NewGuid():N}";
        await using var connection = new MySqlConnection(server);
        await connection.ExecuteAsync($"CREATE DATABASE `{_database}` CHARACTER SET utf8mb4 COLLATE utf8mb4_bin");
        _connectionString = new MySqlConnectionStringBuilder(server) { Database = _database }.ConnectionString;
    }

    [TearDown]
    public async Task DropDatabaseAsync()
    {
        if (_database.Length > 0)
        {
            await using var connection = new MySqlConnection(Environment.GetEnvironmentVariable("CLOUDFS_TEST_MYSQL"));
            await connection.ExecuteAsync($"DROP DATABASE IF EXISTS `{_database}`");
        }
    }

    [Test]
    public async Task UploadListDownloadDelete_OnMariaDb_RoundTrips()
    {
        await using var cluster = new CloudFsCluster(_connectionString);
        await cluster.StartAsync();
        var source = TestTree.Create(Path.Combine(cluster.Root, "src"));
        var target = Path.Combine(cluster.Root, "dst");
        Directory.CreateDirectory(target);

        var upload = await ToolRunner.SwiftAsync(cluster, source, "upload", "maria", ".");
        var list = await ToolRunner.SwiftAsync(cluster, cluster.Root, "list", "maria");
        var download = await ToolRunner.SwiftAsync(cluster, target, "download", "maria");
        var delete = await ToolRunner.SwiftAsync(cluster, cluster.Root, "delete", "maria");
        var after = await ToolRunner.SwiftAsync(cluster, cluster.Root, "list");

        Assert.That(upload.ExitCode, Is.EqualTo(0), upload.ToString());
        Assert.That(list.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries), Is.EqualTo(TestTree.Files.Order(StringComparer.Ordinal)), list.ToString());
        Assert.That(download.ExitCode, Is.EqualTo(0), download.ToString());
        Assert.That(TestTree.Checksums(target), Is.EqualTo(TestTree.Checksums(source)));
        Assert.That(delete.ExitCode, Is.EqualTo(0), delete.ToString());
        Assert.That(after.Output.Split('\n'), Does.Not.Contain("maria"));
    }
}
