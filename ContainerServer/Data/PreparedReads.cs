using System.Collections.Concurrent;
using System.Data.Common;
using System.Diagnostics;
using CloudFs.Catalog;
using Dapper;

namespace CloudFs.ContainerServer.Data;

/// <summary>
/// Single-statement reads through connections kept open with their statements prepared.
/// On SQLite, parsing and planning the resolve join was the largest part of the container
/// server's CPU per GET/HEAD (perf, 2026-12-01): Microsoft.Data.Sqlite prepares every new command
/// again and opening a pooled connection runs a PRAGMA. On MariaDB a pooled connection costs a
/// reset and a <c>SET NAMES</c> each time it is taken (which also drops its prepared statements),
/// and a text query is parsed by the driver and the server on every execution. Each statement
/// runs in autocommit mode, so it reads a snapshot taken when it starts (every commit before it
/// is seen) and holds none once its reader is disposed; a Galera session's causal wait, set when
/// the connection was opened, applies to each one.
/// </summary>
public sealed class PreparedReads(CatalogDatabase database) : IAsyncDisposable
{
    // Idle connections kept beyond this many are closed; a burst opens more for its length.
    // 64 keeps a busy proxy's concurrent resolves on prepared connections (with 32, about one
    // in ten reopened and prepared again at c=64), well inside the 100 connections MySqlConnector
    // pools per server, which the sessions of listings and large objects also draw from.
    private const int MaxIdle = 64;

    private readonly ConcurrentBag<PreparedReadConnection> _idle = [];
    private int _opened;

    public SqlDialect Dialect => database.Dialect;

    /// <summary>Connections opened so far (tests: a statement is reused, not reopened).</summary>
    public int OpenedConnections => Volatile.Read(ref _opened);

    /// <summary>
    /// Runs one query with named arguments and maps its rows as Dapper does. A kept connection
    /// that the server no longer answers on (it restarted, a Galera node went away, its idle
    /// timeout closed it) is dropped with every other idle one, and the read runs once more on a
    /// new connection: a pooled connection would have been checked by its reset.
    /// </summary>
    public async Task<IReadOnlyList<T>> QueryAsync<T>(string sql, IReadOnlyList<KeyValuePair<string, object?>> args, CancellationToken ct)
    {
        if (_idle.TryTake(out var idle))
        {
            try
            {
                return await QueryAsync<T>(idle, sql, args, ct);
            }
            catch (Exception ex) when (CatalogFailures.IsUnreachable(ex))
            {
                // The others were opened to the same server, most likely gone the same way.
                await DropIdleAsync();
            }
        }

        return await QueryAsync<T>(await OpenAsync(ct), sql, args, ct);
    }

    public ValueTask DisposeAsync() => DropIdleAsync();

    private async Task<IReadOnlyList<T>> QueryAsync<T>(PreparedReadConnection connection, string sql,
        IReadOnlyList<KeyValuePair<string, object?>> args, CancellationToken ct)
    {
        var started = Stopwatch.GetTimestamp();
        var reusable = false;
        try
        {
            var (command, kept) = await connection.CommandAsync(sql, Dialect.Translate, args, ct);
            try
            {
                List<T> rows;
                // Disposing the reader ends the statement, and with it its read snapshot.
                await using (var reader = await command.ExecuteReaderAsync(ct))
                {
                    rows = reader.Parse<T>().ToList();
                }

                reusable = true;
                return rows;
            }
            finally
            {
                if (!kept)
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

    private async ValueTask DropIdleAsync()
    {
        while (_idle.TryTake(out var connection))
        {
            try
            {
                await connection.DisposeAsync();
            }
            catch (DbException)
            {
                // Closing a connection the server already dropped: nothing left to release.
            }
        }
    }

    private async Task<PreparedReadConnection> OpenAsync(CancellationToken ct)
    {
        var connection = await database.OpenConnectionAsync(ct);
        Interlocked.Increment(ref _opened);
        return new PreparedReadConnection(connection);
    }
}
