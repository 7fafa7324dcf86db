using Microsoft.Data.Sqlite;

namespace CloudFs.Catalog;

/// <summary>One writer's work in a group commit; its outcome is held until the group's COMMIT.</summary>
internal abstract class GroupEntry
{
    private const string Savepoint = "entry";

    /// <summary>Runs the work in a savepoint of the group's transaction; rolls back to it unless the work committed.</summary>
    /// <exception cref="SqliteException">The savepoint could not be rolled back: the group's transaction is lost.</exception>
    public async Task RunAsync(PreparedSqliteConnection connection, SqliteTransaction transaction, SqlDialect dialect)
    {
        if (Cancellation.IsCancellationRequested)
        {
            Hold(new OperationCanceledException(Cancellation));
            return;
        }

        await transaction.SaveAsync(Savepoint, CancellationToken.None);
        var session = CatalogSession.InGroup(connection, transaction, dialect, Savepoint);
        try
        {
            await RunWorkAsync(session);
        }
        catch (Exception ex)
        {
            Hold(ex);
        }

        // Not committed (refused, failed or thrown): its statements are undone, the group's stay.
        await session.EndAsync();
    }

    public abstract void Deliver();

    public abstract void Fail(Exception ex);

    protected abstract CancellationToken Cancellation { get; }

    protected abstract Task RunWorkAsync(CatalogSession session);

    protected abstract void Hold(Exception ex);
}
