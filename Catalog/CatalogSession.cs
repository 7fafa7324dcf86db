using System.Data;
using System.Data.Common;
using System.Diagnostics;
using Dapper;
using Microsoft.Data.Sqlite;
using MySqlConnector;

namespace CloudFs.Catalog;

/// <summary>
/// One connection and one transaction: a unit of catalog work that commits or rolls back
/// whole. Repositories take it so several of them share one transaction.
/// </summary>
public sealed class CatalogSession : IAsyncDisposable
{
    private readonly SemaphoreSlim? _gate;

    // In a group commit: the savepoint this session's work runs in, and whether it was released
    // or rolled back. On MariaDB the savepoint is set in its first statement's text and released
    // in the command that sends its last writes, as a write session's BEGIN and COMMIT are.
    private readonly string? _savepoint;
    private readonly bool _inlineSavepoint;
    private readonly OwedBegin? _groupBegin;
    private bool _ended;

    // For CatalogMeter: when the transaction began, whether it writes, and whether it committed.
    private readonly long _started = Stopwatch.GetTimestamp();
    private readonly bool _writes;
    private bool _committed;

    private readonly DeferredWrites _deferred = new();

    // A write session on MariaDB begins and ends its transaction in SQL text: the BEGIN rides on
    // its first statement and the COMMIT on its last batch of deferred writes, so neither is a
    // round trip of its own (MySqlConnector's transaction object sends each alone). _begin is
    // the text still to send; once sent, the session owes the server a COMMIT or a ROLLBACK.
    internal const string InlineBegin = "SET TRANSACTION ISOLATION LEVEL READ COMMITTED;\nSTART TRANSACTION;\n";
    private readonly bool _inline;
    private string? _begin;
    private bool _begun;

    private CatalogSession(DbConnection connection, DbTransaction? transaction, SqlDialect dialect, SemaphoreSlim? gate, string? savepoint = null,
        bool writes = true, bool inline = false, OwedBegin? groupBegin = null)
    {
        _groupBegin = groupBegin;
        _inline = inline;
        _inlineSavepoint = savepoint is not null && connection is MySqlConnection;
        _begin = inline ? InlineBegin : _inlineSavepoint ? $"SAVEPOINT {savepoint};\n" : null;
        _writes = writes;
        Connection = connection;
        Transaction = transaction;
        Dialect = dialect;
        _gate = gate;
        _savepoint = savepoint;
    }

    public DbConnection Connection { get; }

    /// <summary>
    /// None on MariaDB but for a snapshot session: a read-only session's statements run in
    /// autocommit, a writing one's transaction is begun and ended in its statements' text.
    /// </summary>
    public DbTransaction? Transaction { get; }

    public SqlDialect Dialect { get; }

    /// <summary>
    /// Opens a session. A read-only one on SQLite is a deferred transaction (a WAL snapshot that
    /// blocks no writer); a writing one takes the write lock up front (BEGIN IMMEDIATE) after
    /// queueing in-process for it, so two writers never deadlock on a lock upgrade. A read-only
    /// one on MariaDB opens no transaction: at READ COMMITTED each statement reads a fresh
    /// snapshot of its own even inside one, so BEGIN and ROLLBACK would be two round trips that
    /// change nothing a plain autocommit statement reads. Reads that must agree with each other
    /// take <see cref="BeginSnapshotAsync"/>. A writing one on MariaDB is a READ COMMITTED
    /// transaction begun in its first statement's text and committed with its last writes.
    /// </summary>
    public static Task<CatalogSession> BeginAsync(CatalogDatabase database, CancellationToken ct, bool readOnly = false) =>
        OpenAsync(database, readOnly ? SessionKind.Read : SessionKind.Write, ct);

    /// <summary>
    /// A read-only session whose statements all read one snapshot, taken at its first read: on
    /// SQLite what every read-only session is, on MariaDB a REPEATABLE READ, READ ONLY transaction.
    /// For several reads that must agree (an object row and its segments); it costs MariaDB the
    /// BEGIN and ROLLBACK round trips a plain read-only session saves.
    /// </summary>
    public static Task<CatalogSession> BeginSnapshotAsync(CatalogDatabase database, CancellationToken ct) =>
        OpenAsync(database, SessionKind.Snapshot, ct);

    private enum SessionKind
    {
        Read,
        Snapshot,
        Write,
    }

    private static async Task<CatalogSession> OpenAsync(CatalogDatabase database, SessionKind kind, CancellationToken ct)
    {
        var readOnly = kind != SessionKind.Write;
        var gate = readOnly ? null : database.WriteGate;
        if (gate is not null)
        {
            await gate.WaitAsync(ct);
        }

        DbConnection? connection = null;
        try
        {
            connection = await database.OpenConnectionAsync(ct);
            DbTransaction? transaction = connection switch
            {
                SqliteConnection sqlite => sqlite.BeginTransaction(deferred: readOnly),
                MySqlConnection mySql when kind == SessionKind.Snapshot => await mySql.BeginTransactionAsync(IsolationLevel.RepeatableRead, isReadOnly: true, ct),
                _ => null,
            };
            return new CatalogSession(connection, transaction, database.Dialect, gate, writes: !readOnly,
                inline: kind == SessionKind.Write && connection is MySqlConnection);
        }
        catch
        {
            if (connection is not null)
            {
                await connection.DisposeAsync();
            }

            gate?.Release();
            throw;
        }
    }

    /// <summary>
    /// A session inside a group commit's transaction (GroupCommitter), in a savepoint of its own:
    /// its commit releases the savepoint, and the group's COMMIT makes it durable; the group owns
    /// the connection. On SQLite the group's transaction is open already; on MariaDB its BEGIN
    /// is <paramref name="begin"/>, sent with the first command of whichever writer sends one first.
    /// </summary>
    internal static async Task<CatalogSession> InGroupAsync(DbConnection connection, DbTransaction? transaction, SqlDialect dialect, string savepoint,
        OwedBegin? begin)
    {
        if (connection is not MySqlConnection)
        {
            await transaction!.SaveAsync(savepoint, CancellationToken.None);
        }

        return new CatalogSession(connection, transaction, dialect, null, savepoint, groupBegin: begin);
    }

    /// <summary>
    /// Queues a write whose outcome the caller does not read (no row count, no generated id).
    /// Queued writes go to the database together, in one command, before the session's next
    /// statement or its commit, so they keep their order and every read sees them. On MariaDB
    /// they share the next read's command, or the commit's. A failure surfaces there and fails
    /// the session's work like any statement's.
    /// </summary>
    public void Defer(string sql, object? args) => _deferred.Add(Dialect.Translate(sql), args);

    public async Task<int> ExecuteAsync(string sql, object? args, CancellationToken ct)
    {
        await FlushAsync(ct);
        return await Connection.ExecuteAsync(Command(sql, args, ct));
    }

    public async Task<T?> ScalarAsync<T>(string sql, object? args, CancellationToken ct) =>
        await Connection.ExecuteScalarAsync<T>(await ReadCommandAsync(sql, args, null, ct));

    public async Task<T?> SingleOrDefaultAsync<T>(string sql, object? args, CancellationToken ct) =>
        await Connection.QuerySingleOrDefaultAsync<T>(await ReadCommandAsync(sql, args, null, ct));

    public async Task<T?> FirstOrDefaultAsync<T>(string sql, object? args, CancellationToken ct) =>
        await Connection.QueryFirstOrDefaultAsync<T>(await ReadCommandAsync(sql, args, null, ct));

    public async Task<T> SingleAsync<T>(string sql, object? args, CancellationToken ct) =>
        await Connection.QuerySingleAsync<T>(await ReadCommandAsync(sql, args, null, ct));

    public async Task<IEnumerable<T>> QueryAsync<T>(string sql, object? args, CancellationToken ct) =>
        await Connection.QueryAsync<T>(await ReadCommandAsync(sql, args, null, ct));

    /// <summary>Several SELECTs sent as one command, one round trip; the caller reads their results in order.</summary>
    public async Task<SqlMapper.GridReader> QueryMultipleAsync(string sql, object? args, CancellationToken ct) =>
        await Connection.QueryMultipleAsync(await ReadCommandAsync(sql, args, null, ct));

    /// <summary>A query allowed to run longer than the provider's default command timeout (e.g. a broad search).</summary>
    public async Task<IEnumerable<T>> QueryAsync<T>(string sql, object? args, TimeSpan timeout, CancellationToken ct) =>
        await Connection.QueryAsync<T>(await ReadCommandAsync(sql, args, (int)timeout.TotalSeconds, ct));

    public async Task CommitAsync(CancellationToken ct)
    {
        if (_inline)
        {
            if (_begun || _deferred.Count > 0)
            {
                await FlushAsync(ct, "COMMIT;\n");
            }

            _committed = true;
            return;
        }

        if (_inlineSavepoint)
        {
            if (!_ended && (_begun || _deferred.Count > 0))
            {
                await FlushAsync(ct, $"RELEASE SAVEPOINT {_savepoint};\n");
            }

            _ended = true;
            return;
        }

        await FlushAsync(ct);
        if (_savepoint is null)
        {
            if (Transaction is not null)
            {
                await Transaction.CommitAsync(ct);
            }

            _committed = true;
            return;
        }

        if (!_ended)
        {
            _ended = true;
            await Transaction!.ReleaseAsync(_savepoint, CancellationToken.None);
        }
    }

    /// <summary>In a group commit: undoes this session's statements unless it committed.</summary>
    internal async Task EndAsync()
    {
        _deferred.Clear();
        _begin = null;
        if (_savepoint is null || _ended)
        {
            return;
        }

        _ended = true;
        if (!_inlineSavepoint)
        {
            await Transaction!.RollbackAsync(_savepoint, CancellationToken.None);
            await Transaction.ReleaseAsync(_savepoint, CancellationToken.None);
        }
        else if (_begun)
        {
            await SendAsync(Connection, Transaction, $"ROLLBACK TO SAVEPOINT {_savepoint};\nRELEASE SAVEPOINT {_savepoint}");
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_savepoint is not null)
        {
            // The work's own `await using` ends here; the group keeps its connection and transaction.
            return;
        }

        try
        {
            if (_begun && !_committed)
            {
                await SendAsync(Connection, null, "ROLLBACK");
            }

            if (Transaction is not null)
            {
                await Transaction.DisposeAsync();
            }

            await Connection.DisposeAsync();
        }
        catch (DbException) when (Connection is MySqlConnection mySql && (Transaction is not null || _begun))
        {
            // The rollback was refused: a Galera node outside the primary component refuses even
            // that (1047). The transaction and its row locks would live in the server as long as
            // the connection does, which is forever once MySqlConnector gives up on it, so every
            // later write of those rows would wait on locks nobody releases.
            await DropAsync(mySql, Transaction);
        }
        finally
        {
            _gate?.Release();
            CatalogMeter.TransactionEnded(_started, _writes ? "write" : "read", _committed ? "commit" : "rollback");
        }
    }

    /// <summary>
    /// Sends transaction control the session or its group began in SQL text (ROLLBACK, COMMIT, a
    /// savepoint's rollback): statements whose outcome is only success or an exception.
    /// </summary>
    internal static async Task SendAsync(DbConnection connection, DbTransaction? transaction, string sql)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(CancellationToken.None);
    }

    // A connection whose transaction cannot be rolled back: the server is asked to close it after
    // one idle second (SET is answered even outside the primary component) and rolls back then;
    // the pool is cleared so it is never handed out again. Closing it here would only retry the
    // refused rollback; MySqlConnector's pool recovers the session once the connection is collected.
    internal static async Task DropAsync(MySqlConnection connection, DbTransaction? transaction)
    {
        MySqlConnection.ClearPool(connection);
        try
        {
            // With the transaction MySqlConnector still holds as the connection's active one, if any.
            await using var command = new MySqlCommand("SET SESSION wait_timeout = 1", connection, (MySqlTransaction?)transaction);
            await command.ExecuteNonQueryAsync(CancellationToken.None);
        }
        catch (Exception ex) when (ex is DbException or InvalidOperationException)
        {
            // Already gone: the server rolled back when it went.
        }
    }

    // Sends the deferred writes; with `then`, that statement (the COMMIT) after them in the same command.
    private async Task FlushAsync(CancellationToken ct, string? then = null)
    {
        if (_deferred.Count == 0 && then is null)
        {
            return;
        }

        // Cleared first: a failed batch is not sent again by the rollback path's statements.
        await using var command = _deferred.ToCommand(Connection, Transaction, TakeBegin(), then);
        _deferred.Clear();
        await command.ExecuteNonQueryAsync(ct);
    }

    private CommandDefinition Command(string sql, object? args, CancellationToken ct) => Command(sql, args, null, ct);

    // A read after deferred writes: on MariaDB they go in its command's text, ahead of it, so the
    // two cost one round trip (the writes return no result set, so the read's results come first).
    // Elsewhere they are flushed first. A write is never sent so: its row count would add theirs.
    private async ValueTask<CommandDefinition> ReadCommandAsync(string sql, object? args, int? timeoutSeconds, CancellationToken ct)
    {
        if (_deferred.Count == 0 || !Dialect.CommandsAreRoundTrips)
        {
            await FlushAsync(ct);
            return Command(sql, args, timeoutSeconds, ct);
        }

        var parameters = new DynamicParameters(args);
        var begin = TakeBegin();
        var writes = _deferred.WriteTo(parameters);
        _deferred.Clear();
        return new CommandDefinition(begin + writes + Dialect.Translate(sql), parameters, Transaction, timeoutSeconds, cancellationToken: ct);
    }

    private CommandDefinition Command(string sql, object? args, int? timeoutSeconds, CancellationToken ct) =>
        new(TakeBegin() + Dialect.Translate(sql), args, Transaction, timeoutSeconds, cancellationToken: ct);

    // The BEGIN (or savepoint) still owed, for the text about to be sent; from then on the
    // transaction is open (even if that command fails, it may have begun it), so disposing rolls
    // it back. In a group, the group's own BEGIN goes first if no writer before this one sent it.
    private string? TakeBegin()
    {
        var begin = _begin;
        if (begin is not null)
        {
            _begin = null;
            _begun = true;
            if (_groupBegin is not null)
            {
                begin = _groupBegin.Take() + begin;
            }
        }

        return begin;
    }
}
