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
        GroupCommit = options.GroupCommit;
        _syncWait = options.SyncWait;
        Dialect = SqlDialect.For(options.Provider);
        if (Provider == CatalogProvider.MySql)
        {
            var builder = new MySqlConnectionStringBuilder(options.ConnectionString);
            if (_syncWait > 0)
            {
                // A session that was reset (COM_RESET_CONNECTION, which MySqlConnector sends to a
                // pooled connection before it is used again) is no longer a client thread to Galera, and
                // skips every causal wait from then on, even after wsrep_sync_wait is set again
                // (MariaDB 10.11; Galera issue 613, PXC-4003): reads through a reused connection
                // could miss a commit made through another node. Pooled sessions are not reset;
                // this class's own opening statement checks that one is still alive.
                builder.ConnectionReset = false;
            }

            _mySql = new MySqlDataSourceBuilder(builder.ConnectionString).Build();
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

    /// <summary>Whether the account server's writes share transactions (<see cref="CatalogOptions.GroupCommit"/>).</summary>
    public bool GroupCommit { get; }

    /// <summary>
    /// SQLite allows one writer per file, and a writer that finds the file locked sleeps and
    /// polls (Microsoft.Data.Sqlite retries every 150 ms), which turns contention into long
    /// tails. Writers of this process queue here instead; null for MariaDB (row locks).
    /// </summary>
    public SemaphoreSlim? WriteGate { get; }

    /// <summary>Galera's causal wait (wsrep_sync_wait) taken when a connection is opened; 0 for none.</summary>
    internal int SyncWait => _syncWait;

    public async Task<DbConnection> OpenConnectionAsync(CancellationToken ct)
    {
        if (_mySql is null)
        {
            var connection = new SqliteConnection(_sqliteConnectionString);
            await connection.OpenAsync(ct);
            return connection;
        }

        if (_syncWait == 0)
        {
            return await _mySql.OpenConnectionAsync(ct);
        }

        // MariaDB skips the causal wait for reads inside an explicit transaction, which is where
        // every session's reads run, so the wait is taken here too, by one autocommit SELECT in the
        // same round trip as the SET: whatever the session reads next was committed cluster-wide
        // before it opened. On a session that already has the setting (a pooled one) that round
        // trip is still the wait, and it proves the unreset connection alive.
        for (var attempt = 1; ; attempt++)
        {
            var mySql = await _mySql.OpenConnectionAsync(ct);
            try
            {
                await using var command = new MySqlCommand($"SET SESSION wsrep_sync_wait = {_syncWait}; SELECT 1", mySql);
                await command.ExecuteNonQueryAsync(ct);
                return mySql;
            }
            catch (Exception ex) when (attempt == 1 && CatalogFailures.IsUnreachable(ex))
            {
                // The server closed this idle session (a restart, a failover, its idle timeout),
                // and likely the other idle ones with it: once more, on a new connection.
                await MySqlConnection.ClearPoolAsync(mySql, CancellationToken.None);
                await mySql.DisposeAsync();
            }
            catch
            {
                await mySql.DisposeAsync();
                throw;
            }
        }
    }

    public ValueTask DisposeAsync() => _mySql?.DisposeAsync() ?? ValueTask.CompletedTask;
}
