namespace CloudFs.Proxy.Middleware.Ratelimit;

/// <summary>
/// Swift's ratelimit clock (<c>_get_sleep_time</c>): each key keeps the time its next request
/// may run; a request moves it on by 1/rate and sleeps until its turn, unless that wait would
/// reach <c>max_sleep_time_seconds</c> (then the request is refused and its turn handed back).
/// A key idle for more than <c>rate_buffer_seconds</c> starts afresh. Swift keeps these in
/// memcache shared by all proxies; this proxy keeps them in its own memory.
/// </summary>
public sealed class RateCounter(TimeProvider time, double maxSleepSeconds, int rateBufferSeconds, int clockAccuracy)
{
    private const int MaxKeys = 100_000;
    private readonly Dictionary<string, long> _running = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();

    /// <summary>Seconds to sleep before the request may run; null when the wait is too long (Swift's 498).</summary>
    public double? SleepFor(string key, double maxRate)
    {
        var now = (long)Math.Round(time.GetUtcNow().ToUnixTimeMilliseconds() / 1000.0 * clockAccuracy);
        var perRequest = (long)Math.Round(clockAccuracy / maxRate);
        lock (_lock)
        {
            if (_running.Count >= MaxKeys && !_running.ContainsKey(key))
            {
                _running.Clear();
            }

            // memcache's incr starts a missing key at the increment itself.
            var running = _running.TryGetValue(key, out var value) ? value + perRequest : perRequest;
            _running[key] = running;
            long needToSleep = 0;
            if (now - running > (long)rateBufferSeconds * clockAccuracy)
            {
                _running[key] = now + perRequest;
            }
            else
            {
                needToSleep = Math.Max(running - now - perRequest, 0);
            }

            if ((maxSleepSeconds * clockAccuracy) - needToSleep <= clockAccuracy * 0.01)
            {
                _running[key] -= perRequest;
                return null;
            }

            return (double)needToSleep / clockAccuracy;
        }
    }
}
