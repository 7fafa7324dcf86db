using System.Net;
using CloudFs.EndToEndTests.Cluster;
using Dapper;
using MySqlConnector;

namespace CloudFs.EndToEndTests.Foundation;

/// <summary>The cluster against a real MariaDB, several catalog servers starting at the same moment.</summary>
[Category("E2E")]
public class MariaDbClusterTests
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
    public async Task Start_TwoClustersOnOneDatabaseAtOnce_MigrateOnceAndBothServe()
    {
        // Two "hosts" (two loopback addresses), each with an account and a container server,
        // all four racing to migrate the same empty database.
        await using var first = new CloudFsCluster(_connectionString);
        await using var second = new CloudFsCluster(_connectionString);

        await Task.WhenAll(first.StartAsync(), second.StartAsync());

        foreach (var cluster in new[] { first, second })
        {
            foreach (var role in CloudFsCluster.Roles.Keys)
            {
                using var response = await cluster.Http.GetAsync(cluster.Url(role, "/healthcheck"));
                Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), $"{role} on {cluster.Address}");
            }
        }

        await using var connection = new MySqlConnection(_connectionString);
        var versions = (await connection.QueryAsync<int>("SELECT version FROM schema_version")).ToList();
        var tables = (await connection.QueryAsync<string>(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = DATABASE()")).ToList();
        var users = (await connection.QueryAsync<string>("SELECT CONCAT(account, ':', username) FROM user ORDER BY id")).ToList();

        Assert.That(versions.Order(), Is.EqualTo(Enumerable.Range(1, versions.Count)), "every migration applied exactly once");
        Assert.That(tables, Is.SupersetOf(new[] { "user", "stobj", "record", "quota", "metadata", "webconf", "token", "host", "stat_storage" }));
        Assert.That(users, Is.EquivalentTo(new[] { "admin:admin", "test:tester" }), "bootstrap users exist once, whichever server made them");
    }
}
