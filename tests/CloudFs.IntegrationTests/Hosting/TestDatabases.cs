using CloudFs.Catalog;
using MySqlConnector;

namespace CloudFs.IntegrationTests.Hosting;

/// <summary>
/// Scratch catalogs for tests: a fresh MariaDB schema on the server named by
/// CLOUDFS_TEST_MYSQL (started by scripts/test.sh), or a fresh SQLite file. Without the
/// variable, MariaDB tests are ignored locally but fail on CI, so a broken CI setup cannot
/// skip them silently.
/// </summary>
public static class TestDatabases
{
    public const string MySqlVariable = "CLOUDFS_TEST_MYSQL";

    public static string RequireMySql()
    {
        var connectionString = Environment.GetEnvironmentVariable(MySqlVariable);
        if (!string.IsNullOrEmpty(connectionString))
        {
            return connectionString;
        }

        var message = $"{MySqlVariable} is not set; run the tests with scripts/test.sh to get a MariaDB.";
        if (Environment.GetEnvironmentVariable("CI") is { Length: > 0 })
        {
            Assert.Fail(message);
        }

        Assert.Ignore(message);
        return "";
    }

    /// <summary>Creates an empty MariaDB database and returns catalog options pointing at it.</summary>
    public static async Task<CatalogOptions> CreateMySqlAsync(string name)
    {
        var server = RequireMySql();
        await using var connection = new MySqlConnection(server);
        await connection.OpenAsync();
        await using var command = new MySqlCommand($"DROP DATABASE IF EXISTS `{name}`; CREATE DATABASE `{name}` CHARACTER SET utf8mb4 COLLATE utf8mb4_bin", connection);
        await command.ExecuteNonQueryAsync();
        return new CatalogOptions
        {
            Provider = CatalogProvider.MySql,
            ConnectionString = new MySqlConnectionStringBuilder(server) { Database = name }.ConnectionString,
        };
    }

    public static async Task DropMySqlAsync(string name)
    {
        var server = Environment.GetEnvironmentVariable(MySqlVariable);
        if (string.IsNullOrEmpty(server))
        {
            return;
        }

        await using var connection = new MySqlConnection(server);
        await connection.OpenAsync();
        await using var command = new MySqlCommand($"DROP DATABASE IF EXISTS `{name}`", connection);
        await command.ExecuteNonQueryAsync();
    }

    public static CatalogOptions CreateSqlite(string directory) => new()
    {
        Provider = CatalogProvider.Sqlite,
        ConnectionString = $"Data Source={Path.Combine(directory, "catalog.db")}",
    };

    public static string UniqueName(string prefix) => $"{prefix}_{Guid.NewGuid():N}"[..Math.Min(64, prefix.Length + 33)];
}
