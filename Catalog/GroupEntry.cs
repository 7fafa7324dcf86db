using System.Data.Common;
using System.Runtime.ExceptionServices;

namespace CloudFs.Catalog;

/// <summary>One writer's work in a group commit; its outcome is held until the group's COMMIT.</summary>
internal abstract class GroupEntry
{
    private const string Savepoint = "entry";

    /// <summary>Runs the work in a savepoint of the group's transaction; rolls back to it unless the work committed.</summary>
    /// <exception cref="DbException">
    /// The savepoint could not be set or rolled back: the group's transaction is lost. When the
    /// work's own failure is what lost it (MariaDB rolls the whole transaction back on a
    /// deadlock), that failure is thrown instead, so the group's writers see the cause and
    /// CatalogWork can run them again.
    /// </exception>
    public async Task RunAsync(DbConnection connection, DbTransaction? transaction, SqlDialect dialect, OwedBegin? begin)
    {
        if (Cancellation.IsCancellationRequested)
        {
            Hold(new OperationCanceledException(Cancellation));
            return;
        }

        var session = await CatalogSession.InGroupAsync(connection, transaction, dialect, Savepoint, begin);
        Exception? failure = null;
        try
        {
            await RunWorkAsync(session);
        }
        catch (Exception ex)
        {
            failure = ex;
            Hold(ex);
        }

        try
        {
            // Not committed (refused, failed or thrown): its statements are undone, the group's stay.
            await session.EndAsync();
        }
        catch (Exception) when (failure is not null && (CatalogFailures.IsRetryable(failure) || CatalogFailures.IsUnreachable(failure)))
        {
            ExceptionDispatchInfo.Throw(failure);
        }
    }

    public abstract void Deliver();

    public abstract void Fail(Exception ex);

    protected abstract CancellationToken Cancellation { get; }

    protected abstract Task RunWorkAsync(CatalogSession session);

    protected abstract void Hold(Exception ex);
}
