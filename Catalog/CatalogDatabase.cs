using System.Data.Common;
using Microsoft.Data.Sqlite;
using MySqlConnector;

namespace CloudFs.Catalog;

/// <summary>
/// Opens connections to the catalog, whichever database holds it. One instance per process:
/// MySqlDataSource pools connections; SQLite connections are pooled by the provider.
/// </summary>
public sealed class CatalogDatabase : IAsyncDisposable
{
    private readonly MySqlDataSource? _mySql;
    private readonly string _sqliteConnectionString = "";

    public CatalogDatabase(CatalogOptions options)
    {
        Provider = options.Provider;
        Dialect = SqlDialect.For(options.Provider);
        if (Provider == CatalogProvider.MySql)
        {
            _mySql = new MySqlDataSourceBuilder(options.ConnectionString).Build();
        }
        else
        {
            var builder = new SqliteConnectionStringBuilder(options.ConnectionString)
            {
                ForeignKeys = true,
                DefaultTimeout = Math.Max(30, options.MigrationLockTimeoutSeconds),
            };
            if (Path.GetDirectoryName(Path.GetFullPath(builder.DataSource)) is { } directory)
            {
                Directory.CreateDirectory(directory);
            }

            _sqliteConnectionString = builder.ToString();
            WriteGate = new SemaphoreSlim(1, 1);
        }
    }

    public CatalogProvider Provider { get; }

    public SqlDialect Dialect { get; }

    /// <summary>
    /// SQLite allows one writer per file, and a writer that finds the file locked sleeps and
    /// polls (Microsoft.Data.Sqlite retries every 150 ms), which turns contention into long
    /// tails. Writers of this process queue here instead; null for MariaDB (row locks).
    /// </summary>
    public SemaphoreSlim? WriteGate { get; }

    public async Task<DbConnection> OpenConnectionAsync(CancellationToken ct)
    {
        if (_mySql is not null)
        {
            return await _mySql.OpenConnectionAsync(ct);
        }

        var connection = new SqliteConnection(_sqliteConnectionString);
        await connection.OpenAsync(ct);
        return connection;
    }

    public ValueTask DisposeAsync() => _mySql?.DisposeAsync() ?? ValueTask.CompletedTask;
}
