using Polly;
using Polly.Retry;

namespace CloudFs.Backend;

/// <summary>
/// Tries one node after another until an attempt says it needs no retry or the nodes run out
/// (the Polly retry pipeline; no delay between nodes, as Swift's proxy moves on at once).
/// </summary>
public static class Failover<T>
{
    private const int MaxNodes = 32;

    private static readonly ResiliencePipeline<Attempt> Pipeline = new ResiliencePipelineBuilder<Attempt>()
        .AddRetry(new RetryStrategyOptions<Attempt>
        {
            ShouldHandle = args => ValueTask.FromResult(args.Outcome.Result is { Retry: true }),
            MaxRetryAttempts = MaxNodes - 1,
            Delay = TimeSpan.Zero,
            BackoffType = DelayBackoffType.Constant,
            UseJitter = false,
        })
        .Build();

    /// <summary>
    /// Runs <paramref name="attempt"/> for node 0, 1, ... of <paramref name="count"/>; the attempt
    /// returns its result and whether the next node should be tried. The last result wins.
    /// </summary>
    public static async ValueTask<T> RunAsync(int count, Func<int, CancellationToken, ValueTask<(T Result, bool Retry)>> attempt, CancellationToken ct)
    {
        var index = 0;
        var outcome = await Pipeline.ExecuteAsync(async token =>
        {
            var i = index++;
            var (result, retry) = await attempt(i, token);
            return new Attempt(result, retry && index < Math.Min(count, MaxNodes));
        }, ct);
        return outcome.Result;
    }

    private sealed record Attempt(T Result, bool Retry);
}
