using Dapper;
using MySqlConnector;

namespace CloudFs.EndToEndTests.Cluster;

/// <summary>
/// A fresh database on the MariaDB that scripts/test.sh starts (CLOUDFS_TEST_MYSQL) for one
/// test. Without the variable the test is ignored locally and fails on CI, so a broken CI
/// setup cannot skip it silently.
/// </summary>
public sealed class TestMariaDb : IAsyncDisposable
{
    public const string Variable = "CLOUDFS_TEST_MYSQL";

    private readonly string _server;
    private readonly string _name;

    private TestMariaDb(string server, string name)
    {
        _server = server;
        _name = name;
        ConnectionString = new MySqlConnectionStringBuilder(server) { Database = name }.ConnectionString;
    }

    public string ConnectionString { get; }

    public static async Task<TestMariaDb> CreateAsync()
    {
        var server = Environment.GetEnvironmentVariable(Variable);
        if (string.IsNullOrEmpty(server))
        {
            const string message = Variable + " is not set; run scripts/test.sh.";
            if (Environment.GetEnvironmentVariable("CI") is { Length: > 0 })
            {
                Assert.Fail(message);
            }

            Assert.Ignore(message);
        }

        var name = $"cloudfs_e2e_{Guid.NewGuid():N}";
        await using var connection = new MySqlConnection(server);
        await connection.ExecuteAsync($"CREATE DATABASE `{name}` CHARACTER SET utf8mb4 COLLATE utf8mb4_bin");
        return new TestMariaDb(server!, name);
    }

    public async ValueTask DisposeAsync()
    {
        await using var connection = new MySqlConnection(_server);
        await connection.ExecuteAsync($"DROP DATABASE IF EXISTS `{_name}`");
    }
}
