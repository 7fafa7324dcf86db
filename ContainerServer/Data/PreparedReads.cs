using System.Collections.Concurrent;
using System.Diagnostics;
using CloudFs.Catalog;
using Dapper;
using Microsoft.Data.Sqlite;

namespace CloudFs.ContainerServer.Data;

/// <summary>
/// Single-statement reads on SQLite through connections kept open with their statements
/// prepared. Parsing and planning the resolve join was the largest part of the container
/// server's CPU per GET/HEAD (perf, 2026-12-01); Microsoft.Data.Sqlite prepares every new
/// command again and opening a pooled connection runs a PRAGMA. Each statement runs in
/// autocommit mode, so it reads one WAL snapshot taken when it starts (every commit before it
/// is seen) and holds no read transaction once its reader is disposed. MariaDB is not served
/// here (<see cref="IsAvailable"/> is false): callers use a <see cref="CatalogSession"/>.
/// </summary>
public sealed class PreparedReads(CatalogDatabase database) : IAsyncDisposable
{
    // Idle connections kept beyond this many are closed; a burst opens more for its length.
    private const int MaxIdle = 32;

    private readonly ConcurrentBag<PreparedReadConnection> _idle = [];
    private int _opened;

    public bool IsAvailable => database.Provider == CatalogProvider.Sqlite;

    public SqlDialect Dialect => database.Dialect;

    /// <summary>Connections opened so far (tests: a statement is reused, not reopened).</summary>
    public int OpenedConnections => Volatile.Read(ref _opened);

    /// <summary>Runs one query with named arguments and maps its rows as Dapper does.</summary>
    public async Task<IReadOnlyList<T>> QueryAsync<T>(string sql, IReadOnlyList<KeyValuePair<string, object?>> args, CancellationToken ct)
    {
        if (!IsAvailable)
        {
            throw new InvalidOperationException("prepared reads serve SQLite only");
        }

        var started = Stopwatch.GetTimestamp();
        var connection = _idle.TryTake(out var idle) ? idle : await OpenAsync(ct);
        var reusable = false;
        try
        {
            var command = connection.Command(Dialect.Translate(sql), out var cached);
            try
            {
                foreach (var (name, value) in args)
                {
                    command.Parameters.AddWithValue("@" + name, value ?? DBNull.Value);
                }

                List<T> rows;
                // Disposing the reader resets the statement, which ends its read snapshot.
                await using (var reader = await command.ExecuteReaderAsync(ct))
                {
                    rows = reader.Parse<T>().ToList();
                }

                reusable = true;
                return rows;
            }
            finally
            {
                if (!cached)
                {
                    await command.DisposeAsync();
                }
            }
        }
        finally
        {
            // An autocommit read is its own transaction.
            CatalogMeter.TransactionEnded(started, "read", reusable ? "rollback" : "error");

            // A connection whose statement failed is not trusted again.
            if (reusable && _idle.Count < MaxIdle)
            {
                _idle.Add(connection);
            }
            else
            {
                await connection.DisposeAsync();
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        while (_idle.TryTake(out var connection))
        {
            await connection.DisposeAsync();
        }
    }

    private async Task<PreparedReadConnection> OpenAsync(CancellationToken ct)
    {
        var connection = (SqliteConnection)await database.OpenConnectionAsync(ct);
        Interlocked.Increment(ref _opened);
        return new PreparedReadConnection(connection);
    }
}
