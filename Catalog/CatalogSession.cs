using System.Data;
using System.Data.Common;
using Dapper;

namespace CloudFs.Catalog;

/// <summary>
/// One connection and one transaction: a unit of catalog work that commits or rolls back
/// whole. Repositories take it so several of them share one transaction.
/// </summary>
public sealed class CatalogSession : IAsyncDisposable
{
    private CatalogSession(DbConnection connection, DbTransaction transaction, SqlDialect dialect)
    {
        Connection = connection;
        Transaction = transaction;
        Dialect = dialect;
    }

    public DbConnection Connection { get; }

    public DbTransaction Transaction { get; }

    public SqlDialect Dialect { get; }

    public static async Task<CatalogSession> BeginAsync(CatalogDatabase database, CancellationToken ct)
    {
        var connection = await database.OpenConnectionAsync(ct).ConfigureAwait(false);
        try
        {
            // SQLite: Serializable takes the write lock at BEGIN (IMMEDIATE), so two writers
            // queue instead of deadlocking on a lock upgrade. MariaDB: row locks via FOR UPDATE.
            var isolation = database.Provider == CatalogProvider.Sqlite ? IsolationLevel.Serializable : IsolationLevel.ReadCommitted;
            var transaction = await connection.BeginTransactionAsync(isolation, ct).ConfigureAwait(false);
            return new CatalogSession(connection, transaction, database.Dialect);
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    public Task<int> ExecuteAsync(string sql, object? args, CancellationToken ct) =>
        Connection.ExecuteAsync(Command(sql, args, ct));

    public Task<T?> ScalarAsync<T>(string sql, object? args, CancellationToken ct) =>
        Connection.ExecuteScalarAsync<T>(Command(sql, args, ct));

    public Task<T?> SingleOrDefaultAsync<T>(string sql, object? args, CancellationToken ct) =>
        Connection.QuerySingleOrDefaultAsync<T>(Command(sql, args, ct));

    public Task<IEnumerable<T>> QueryAsync<T>(string sql, object? args, CancellationToken ct) =>
        Connection.QueryAsync<T>(Command(sql, args, ct));

    public Task CommitAsync(CancellationToken ct) => Transaction.CommitAsync(ct);

    public async ValueTask DisposeAsync()
    {
        await Transaction.DisposeAsync().ConfigureAwait(false);
        await Connection.DisposeAsync().ConfigureAwait(false);
    }

    private CommandDefinition Command(string sql, object? args, CancellationToken ct) =>
        new(Dialect.Translate(sql), args, Transaction, cancellationToken: ct);
}
