using System.Runtime.ExceptionServices;

namespace CloudFs.Catalog;

/// <summary>A writer's work and its outcome, held until the group's COMMIT.</summary>
internal sealed class GroupWriter<T>(Func<CatalogSession, CancellationToken, Task<T>> work, CancellationToken ct) : GroupEntry
{
    private readonly TaskCompletionSource<T> _outcome = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private T? _result;
    private ExceptionDispatchInfo? _error;

    public Task<T> Task => _outcome.Task;

    protected override CancellationToken Cancellation => ct;

    public override void Deliver()
    {
        if (_error is { SourceException: OperationCanceledException canceled })
        {
            _outcome.TrySetCanceled(canceled.CancellationToken);
        }
        else if (_error is not null)
        {
            _outcome.TrySetException(_error.SourceException);
        }
        else
        {
            _outcome.TrySetResult(_result!);
        }
    }

    public override void Fail(Exception ex) => _outcome.TrySetException(ex);

    protected override async Task RunWorkAsync(CatalogSession session) => _result = await work(session, ct);

    protected override void Hold(Exception ex) => _error = ExceptionDispatchInfo.Capture(ex);
}
