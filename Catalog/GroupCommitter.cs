using System.Diagnostics;
using Microsoft.Data.Sqlite;

namespace CloudFs.Catalog;

/// <summary>
/// Group commit for the embedded SQLite catalog. SQLite has one writer per file and pays one WAL
/// fsync per COMMIT, so concurrent writes queued behind each other, one fsync each. Here the
/// writes that arrive while a group is being written wait, then run one after another in one
/// transaction, each inside a savepoint of its own (its rollback undoes only its own work), and
/// one COMMIT makes the whole group durable with one fsync. Nobody hears an outcome before that
/// COMMIT returned, so an answer never runs ahead of durability; if it fails, every writer of
/// the group gets the failure (and CatalogWork's retry runs the retryable ones again).
/// </summary>
public sealed class GroupCommitter(CatalogDatabase database, int maxGroup = 128) : IAsyncDisposable
{
    private readonly Lock _lock = new();

    // The writer's connection, kept from group to group with its statements compiled; used
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

            await WriteGroupAsync(group);
        }
    }

    private async Task WriteGroupAsync(List<GroupEntry> group)
    {
        var gate = database.WriteGate ?? throw new InvalidOperationException("Group commit is for the SQLite catalog.");
        await gate.WaitAsync(CancellationToken.None);
        var started = Stopwatch.GetTimestamp();
        try
        {
            var connection = _connection ??= new PreparedSqliteConnection((SqliteConnection)await database.OpenConnectionAsync(CancellationToken.None));
            await using var transaction = (SqliteTransaction)await connection.Inner.BeginTransactionAsync(CancellationToken.None);
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
            // Whatever failed may have been the connection itself (an I/O error, a file replaced);
            // the next group starts on a fresh one.
            await DropConnectionAsync();
            // The group's transaction is gone (a failed COMMIT, a savepoint SQLite rolled back
            // with the whole transaction): none of its writes happened.
            foreach (var entry in group)
            {
                entry.Fail(ex);
            }

            return;
        }
        finally
        {
            gate.Release();
        }

        foreach (var entry in group)
        {
            entry.Deliver();
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
