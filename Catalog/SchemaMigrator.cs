using System.Data.Common;
using Dapper;
using Microsoft.Extensions.Logging;

namespace CloudFs.Catalog;

/// <summary>
/// Brings the catalog schema to the newest version. Many servers may start at once against
/// one database, so the work runs under a database-wide lock (MariaDB GET_LOCK, an
/// exclusive transaction on SQLite): one applies the migrations, the others wait and then
/// find nothing left to do.
/// </summary>
public sealed partial class SchemaMigrator(CatalogDatabase database, CatalogOptions options, ILogger<SchemaMigrator> logger)
{
    private const string CreateVersionTable =
        "CREATE TABLE IF NOT EXISTS schema_version (version {INT} NOT NULL PRIMARY KEY, name {STR:128} NOT NULL, applied_at {BIGINT} NOT NULL) {TABLE}";

    private const string SelectVersions = "SELECT version FROM schema_version";

    // IGNORE: on a Galera cluster two nodes may apply the same migration at once (see MigrateMySqlAsync).
    private const string InsertVersion = "{INSERT_IGNORE} INTO schema_version (version, name, applied_at) VALUES (@Version, @Name, @AppliedAt)";

    private const int MaxAttempts = 10;

    public IReadOnlyList<Migration> Migrations { get; } = Migration.LoadAll();

    /// <summary>Applies what is missing; returns how many migrations this call applied.</summary>
    public async Task<int> MigrateAsync(CancellationToken ct)
    {
        await using var connection = await database.OpenConnectionAsync(ct);
        return database.Provider == CatalogProvider.MySql
            ? await MigrateMySqlAsync(connection, ct)
            : await MigrateSqliteAsync(connection, ct);
    }

    /// <summary>The highest version applied, 0 for an empty database (read only).</summary>
    public Task<int> CurrentVersionAsync(CancellationToken ct) => new CatalogSchema(database).AppliedVersionAsync(ct);

    private async Task<int> MigrateMySqlAsync(DbConnection connection, CancellationToken ct)
    {
        // GET_LOCK is server-wide: name the lock after the database so schemas do not block each other.
        var lockName = await connection.ExecuteScalarAsync<string>(new CommandDefinition(
            "SELECT CONCAT('cloudfs.migrate.', DATABASE())", cancellationToken: ct));
        var acquired = await connection.ExecuteScalarAsync<int?>(new CommandDefinition(
            "SELECT GET_LOCK(@Name, @Timeout)", new { Name = lockName, Timeout = options.MigrationLockTimeoutSeconds },
            cancellationToken: ct));
        if (acquired != 1)
        {
            throw new TimeoutException($"Could not take the migration lock {lockName} within {options.MigrationLockTimeoutSeconds} s.");
        }

        try
        {
            // GET_LOCK is not replicated by Galera: servers on other nodes of the cluster may be
            // migrating at the same moment. Every migration statement is idempotent DDL (IF NOT
            // EXISTS), which Galera runs in one total order on all nodes, and the version rows are
            // inserted with IGNORE; what can still happen is a certification conflict (a deadlock
            // error) on the version insert or a DDL aborting this transaction, so the whole pass
            // runs again and finds what the other server did.
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    return await ApplyPendingAsync(connection, ct);
                }
                catch (Exception ex) when (attempt < MaxAttempts && CatalogFailures.IsRetryable(ex))
                {
                    Log.Retrying(logger, attempt, ex.Message);
                    await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(50, 250) * attempt), ct);
                }
            }
        }
        finally
        {
            await connection.ExecuteAsync(new CommandDefinition("SELECT RELEASE_LOCK(@Name)", new { Name = lockName },
                cancellationToken: CancellationToken.None));
        }
    }

    private async Task<int> MigrateSqliteAsync(DbConnection connection, CancellationToken ct)
    {
        // WAL lets the container server read while the account server writes; it cannot be
        // switched inside a transaction, and it sticks to the file once set.
        await ExecuteAsync(connection, "PRAGMA journal_mode=WAL", ct);
        await ExecuteAsync(connection, "BEGIN EXCLUSIVE", ct);
        try
        {
            var applied = await ApplyPendingAsync(connection, ct);
            await ExecuteAsync(connection, "COMMIT", ct);
            return applied;
        }
        catch
        {
            await ExecuteAsync(connection, "ROLLBACK", CancellationToken.None);
            throw;
        }
    }

    private async Task<int> ApplyPendingAsync(DbConnection connection, CancellationToken ct)
    {
        await ExecuteAsync(connection, CreateVersionTable, ct);
        var done = (await connection.QueryAsync<int>(new CommandDefinition(SelectVersions, cancellationToken: ct)))
            .ToHashSet();
        var applied = 0;
        foreach (var migration in Migrations.Where(m => !done.Contains(m.Version)))
        {
            Log.Applying(logger, migration.Version, migration.Name, database.Provider);
            foreach (var statement in migration.Statements(database.Dialect))
            {
                await connection.ExecuteAsync(new CommandDefinition(statement, cancellationToken: ct));
            }

            applied += await connection.ExecuteAsync(new CommandDefinition(database.Dialect.Translate(InsertVersion),
                new { migration.Version, migration.Name, AppliedAt = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() },
                cancellationToken: ct));
        }

        return applied;
    }

    private Task<int> ExecuteAsync(DbConnection connection, string sql, CancellationToken ct) =>
        connection.ExecuteAsync(new CommandDefinition(database.Dialect.Translate(sql), cancellationToken: ct));

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Information, "Applying catalog migration {Version} {Name} on {Provider}")]
        public static partial void Applying(ILogger logger, int version, string name, CatalogProvider provider);

        [LoggerMessage(2, LogLevel.Warning, "Catalog migration attempt {Attempt} ran into another server's (Galera conflict), running it again: {Reason}")]
        public static partial void Retrying(ILogger logger, int attempt, string reason);
    }
}
