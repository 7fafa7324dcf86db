using System.Diagnostics;

namespace CloudFs.Bench.LoadGen.Measure;

/// <summary>
/// Runs exactly <c>count</c> operations with exactly <c>concurrency</c> workers, each issuing its
/// next request as soon as the previous one finished (closed loop). Every request is timed.
/// The operation gets the request index and the worker's index (for per-worker buffers).
/// </summary>
public static class ConcurrentRunner
{
    public static async Task<PhaseOutcome> RunAsync(
        int count, int concurrency, Func<int, int, CancellationToken, Task<OpOutcome>> operation, CancellationToken cancellationToken)
    {
        var latencies = new double[count];
        var ok = new bool[count];
        int next = -1, failures = 0;
        long bytes = 0;
        string? firstError = null;

        async Task WorkerAsync(int worker)
        {
            await Task.Yield();
            int index;
            while ((index = Interlocked.Increment(ref next)) < count)
            {
                var start = Stopwatch.GetTimestamp();
                OpOutcome outcome;
                try
                {
                    outcome = await operation(index, worker, cancellationToken);
                }
                catch (Exception ex) when (ex is HttpRequestException or IOException or TaskCanceledException or InvalidOperationException)
                {
                    outcome = OpOutcome.Failure(ex.GetType().Name + ": " + ex.Message);
                }
                latencies[index] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
                ok[index] = outcome.Ok;
                if (outcome.Ok)
                {
                    Interlocked.Add(ref bytes, outcome.Bytes);
                }
                else
                {
                    Interlocked.Increment(ref failures);
                    Interlocked.CompareExchange(ref firstError, outcome.Error, null);
                }
            }
        }

        var began = Stopwatch.GetTimestamp();
        var workers = Enumerable.Range(0, Math.Min(concurrency, Math.Max(count, 1))).Select(WorkerAsync).ToArray();
        await Task.WhenAll(workers);
        var seconds = Stopwatch.GetElapsedTime(began).TotalSeconds;

        // Latency percentiles are over the successful requests; failures are counted apart.
        var sorted = latencies.Where((_, i) => ok[i]).Order().ToArray();
        return new PhaseOutcome(count, failures, seconds, bytes, sorted, firstError);
    }
}
