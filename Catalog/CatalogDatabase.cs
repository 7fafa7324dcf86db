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
    private readonly int _syncWait;

    public CatalogDatabase(CatalogOptions options)
    {
        Provider = options.Provider;
        _syncWait = options.SyncWait;
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
            var mySql = await _mySql.OpenConnectionAsync(ct);
            if (_syncWait > 0)
            {
                // Session state is reset when a pooled connection is reused, so it is set on every
                // open. MariaDB skips the causal wait for reads inside an explicit transaction, which
                // is where every session's reads run, so the wait is taken here, by one autocommit
                // SELECT in the same round trip: whatever the session reads next was committed
                // cluster-wide before it opened.
                await using var command = new MySqlCommand($"SET SESSION wsrep_sync_wait = {_syncWait}; SELECT 1", mySql);
                await command.ExecuteNonQueryAsync(ct);
            }

            return mySql;
        }

        var connection = new SqliteConnection(_sqliteConnectionString);
        await connection.OpenAsync(ct);
        return connection;
    }

    public ValueTask DisposeAsync() => _mySql?.DisposeAsync() ?? ValueTask.CompletedTask;
}
