namespace CloudFs.ObjectServer.Daemons;

/// <summary>
/// Holds a daemon's disk or network traffic to a byte rate (Swift's bytes_per_second), shared by
/// every task of that daemon. Each call books its bytes on a virtual clock that runs at the rate
/// and waits until the clock is no more than a short burst ahead of real time, so concurrent
/// callers share the rate instead of each taking it whole. A rate of 0 means no limit.
/// </summary>
public sealed class BytePacer(long bytesPerSecond, TimeProvider time)
{
    // Up to this much work may run ahead of the clock before anyone waits: small reads do not
    // each pay a timer's resolution.
    private static readonly TimeSpan Burst = TimeSpan.FromMilliseconds(100);
    private readonly Lock _lock = new();
    private long _clockTicks;

    public long BytesPerSecond { get; } = bytesPerSecond >= 0 ? bytesPerSecond : throw new ArgumentOutOfRangeException(nameof(bytesPerSecond));

    /// <summary>Books <paramref name="bytes"/> and waits until the rate allows them.</summary>
    public async ValueTask PaceAsync(long bytes, CancellationToken ct)
    {
        if (BytesPerSecond == 0 || bytes <= 0)
        {
            return;
        }

        TimeSpan wait;
        lock (_lock)
        {
            var now = time.GetUtcNow().UtcTicks;
            var cost = (long)(bytes * (double)TimeSpan.TicksPerSecond / BytesPerSecond);
            _clockTicks = Math.Max(_clockTicks, now) + cost;
            wait = TimeSpan.FromTicks(_clockTicks - now) - Burst;
        }

        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait, time, ct);
        }
    }
}
