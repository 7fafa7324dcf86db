namespace CloudFs.Backend;

/// <summary>
/// A node timeout that progress restarts: cancels when the node has been silent for the
/// timeout, not when the whole call has taken that long. Restarting after disposal is a no-op
/// (a body copy may still be finishing when an early answer ended the call).
/// </summary>
public sealed class NodeTimer : IDisposable
{
    private readonly CancellationTokenSource _source;
    private readonly CancellationTokenRegistration _caller;
    private readonly TimeSpan _timeout;
    private readonly Lock _gate = new();
    private bool _disposed;

    public NodeTimer(TimeSpan timeout, TimeProvider time, CancellationToken ct)
    {
        _timeout = timeout;
        // A source on the injected clock (a linked source would run on the system's), joined to the caller's token.
        _source = new CancellationTokenSource(Timeout.InfiniteTimeSpan, time);
        _caller = ct.UnsafeRegister(static source => ((CancellationTokenSource)source!).Cancel(), _source);
        _source.CancelAfter(timeout);
    }

    public CancellationToken Token => _source.Token;

    public void Restart()
    {
        lock (_gate)
        {
            if (!_disposed)
            {
                _source.CancelAfter(_timeout);
            }
        }
    }

    public void Dispose()
    {
        _caller.Dispose();
        lock (_gate)
        {
            _disposed = true;
            _source.Dispose();
        }
    }
}
