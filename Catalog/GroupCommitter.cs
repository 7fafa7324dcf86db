using System.Diagnostics;
using System.Data;
using System.Data.Common;
using Microsoft.Data.Sqlite;
using MySqlConnector;

namespace CloudFs.Catalog;

/// <summary>
/// Group commit for the catalog's writes. The writes that arrive while a group is being written
/// wait, then run one after another in one transaction, each inside a savepoint of its own (its
/// rollback undoes only its own work), and one COMMIT makes the whole group durable. Nobody hears
/// an outcome before that COMMIT returned, so an answer never runs ahead of durability; if it
/// fails, every writer of the group gets the failure (and CatalogWork's retry runs the retryable
/// ones again).
/// SQLite has one writer per file and pays one WAL fsync per COMMIT: without groups, concurrent
/// writes queued behind each other, one fsync each. MariaDB groups concurrent log flushes by
/// itself, but each transaction still costs its BEGIN and COMMIT, a log write, and a thread
/// woken on both sides for every round trip of every session; a group on one connection costs
/// mariadbd about a third less CPU per PUT (docs/performance.md).
/// </summary>
public sealed class GroupCommitter(CatalogDatabase database, int maxGroup = 128) : IAsyncDisposable
{
    private readonly Lock _lock = new();

    // SQLite's writer connection, kept from group to group with its statements compiled; used
    // only under the write gate. Dropped after a failed group, reopened by the next one.
    private PreparedSqliteConnection? _connection;
    private readonly Queue<GroupEntry> _waiting = new();
    private bool _writing;

    /// <summary>Runs <paramref name="work"/> in the next group; its result once the group is durable.</summary>
    public Task<T> RunAsync<T>(Func<CatalogSession, CancellationToken, Task<T>> work, CancellationToken ct)
    {
        var entry = new GroupWriter<T>(work, ct);
        bool lead;
        lock (_lock)
        {
            _waiting.Enqueue(entry);
            lead = !_writing;
            _writing = true;
        }

        // The first writer to find nobody writing starts the loop that writes groups until the
        // queue is empty; everyone else just waits for its entry.
        if (lead)
        {
            _ = Task.Run(WriteGroupsAsync, CancellationToken.None);
        }

        return entry.Task;
    }

    private async Task WriteGroupsAsync()
    {
        while (true)
        {
            var group = new List<GroupEntry>();
            lock (_lock)
            {
                while (group.Count < maxGroup && _waiting.TryDequeue(out var next))
                {
                    group.Add(next);
                }

                if (group.Count == 0)
                {
                    _writing = false;
                    return;
                }
            }

            try
            {
                await WriteGroupAsync(group);
            }
            catch (Exception ex)
            {
                // Not expected (WriteGroupAsync answers every writer itself), but if it threw, its
                // writers still hear, and the loop goes on: with it gone, _writing would stay set
                // and every later write would wait for ever.
                foreach (var entry in group)
                {
                    entry.Fail(ex);
                }
            }
        }
    }

    private async Task WriteGroupAsync(List<GroupEntry> group)
    {
        // SQLite: the gate is shared with the write sessions opened outside groups. MariaDB needs
        // none: this loop writes one group at a time, and row locks order it against the rest.
        var gate = database.WriteGate;
        if (gate is not null)
        {
            await gate.WaitAsync(CancellationToken.None);
        }

        var started = Stopwatch.GetTimestamp();
        MySqlConnection? pooled = null;
        DbTransaction? transaction = null;
        try
        {
            DbConnection connection;
            if (database.Provider == CatalogProvider.Sqlite)
            {
                // Kept from group to group with its statements compiled.
                var kept = _connection ??= new PreparedSqliteConnection((SqliteConnection)await database.OpenConnectionAsync(CancellationToken.None));
                connection = kept;
                transaction = await kept.Inner.BeginTransactionAsync(CancellationToken.None);
            }
            else
            {
                connection = pooled = (MySqlConnection)await database.OpenConnectionAsync(CancellationToken.None);
                transaction = await pooled.BeginTransactionAsync(IsolationLevel.ReadCommitted, CancellationToken.None);
            }

            foreach (var entry in group)
            {
                await entry.RunAsync(connection, transaction, database.Dialect);
            }

            await transaction.CommitAsync(CancellationToken.None);
            CatalogMeter.TransactionEnded(started, "write", "commit");
            CatalogMeter.GroupCommitted(group.Count);
        }
        catch (Exception ex)
        {
            CatalogMeter.TransactionEnded(started, "write", "rollback");
            await AbandonAsync(pooled, transaction);
            transaction = null;
            // The group's transaction is gone (a failed COMMIT, a savepoint the database rolled
            // back with the whole transaction): none of its writes happened.
            foreach (var entry in group)
            {
                entry.Fail(ex);
            }

            return;
        }
        finally
        {
            if (transaction is not null)
            {
                await transaction.DisposeAsync();
            }

            if (pooled is not null)
            {
                await CloseAsync(pooled);
            }

            gate?.Release();
        }

        foreach (var entry in group)
        {
            entry.Deliver();
        }
    }

    // After a failed group: whatever failed may have been the connection itself (an I/O error, a
    // file replaced), so SQLite's next group starts on a fresh one. A MariaDB transaction is
    // rolled back now; one the server refuses to roll back (a Galera node outside the primary
    // component) would keep its row locks as long as the connection lives, so that connection is
    // dropped, as CatalogSession drops its own.
    private async Task AbandonAsync(MySqlConnection? pooled, DbTransaction? transaction)
    {
        if (pooled is null)
        {
            if (transaction is not null)
            {
                await transaction.DisposeAsync();
            }

            await DropConnectionAsync();
            return;
        }

        try
        {
            if (transaction is not null)
            {
                await transaction.RollbackAsync(CancellationToken.None);
            }
        }
        catch (Exception)
        {
            // Whatever the rollback met (a refusal, a dead connection), this connection is not reused.
            await CatalogSession.DropAsync(pooled, transaction);
        }
    }

    // A connection dropped after a refused rollback still holds its transaction, and closing it
    // tries that rollback once more, which the node refuses again: it is gone either way.
    private static async Task CloseAsync(MySqlConnection connection)
    {
        try
        {
            await connection.DisposeAsync();
        }
        catch (Exception ex) when (ex is DbException or InvalidOperationException)
        {
        }
    }

    /// <summary>Closes the kept connection once the group being written, if any, is done.</summary>
    public async ValueTask DisposeAsync()
    {
        if (database.WriteGate is not { } gate)
        {
            return;
        }

        await gate.WaitAsync(CancellationToken.None);
        try
        {
            await DropConnectionAsync();
        }
        finally
        {
            gate.Release();
        }
    }

    private async ValueTask DropConnectionAsync()
    {
        if (_connection is { } connection)
        {
            _connection = null;
            await connection.DisposeAsync();
        }
    }
}
