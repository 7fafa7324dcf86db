using System.Collections.Concurrent;
using CloudFs.Common.Contracts;

namespace CloudFs.Common.Hosting;

/// <summary>
/// The signature nonces a role server accepted within the last two signature windows: a second
/// request with one of them is a replay. Older nonces need no memory, since their signatures are
/// stale by then anyway.
/// </summary>
public sealed class ReplayGuard(TimeProvider time)
{
    private static readonly TimeSpan Keep = BackendSignature.Window * 2;

    private readonly ConcurrentDictionary<string, long> _seen = new(StringComparer.Ordinal);
    private long _nextSweep;

    /// <summary>True the first time <paramref name="nonce"/> is offered, false for a replay.</summary>
    public bool FirstUse(string nonce)
    {
        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        Sweep(now);
        return _seen.TryAdd(nonce, now + (long)Keep.TotalMilliseconds);
    }

    public int Count => _seen.Count;

    private void Sweep(long now)
    {
        var next = Interlocked.Read(ref _nextSweep);
        if (now < next || Interlocked.CompareExchange(ref _nextSweep, now + 10_000, next) != next)
        {
            return;
        }

        foreach (var (nonce, expires) in _seen)
        {
            if (expires < now)
            {
                _seen.TryRemove(nonce, out _);
            }
        }
    }
}
