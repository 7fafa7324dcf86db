using System.Diagnostics;
using CloudFs.Catalog;
using Polly;
using Polly.Retry;

namespace CloudFs.AccountServer.Data;

/// <summary>
/// Runs a unit of catalog work in one transaction and retries it whole on transient
/// database errors (deadlock, lock wait timeout, busy SQLite file). A retry is safe because
/// the failed attempt rolled back; the work must not have side effects outside the session.
/// Writes go through a group commit (Catalog:GroupCommit, on by default): concurrent ones share
/// one transaction, one COMMIT and one log fsync.
/// </summary>
public sealed class CatalogWork(CatalogDatabase database) : IAsyncDisposable
{
    private readonly GroupCommitter? _group = database.GroupCommit ? new GroupCommitter(database) : null;

    private static readonly ResiliencePipeline Retry = new ResiliencePipelineBuilder()
        .AddRetry(new RetryStrategyOptions
        {
            ShouldHandle = new PredicateBuilder().Handle<Exception>(CatalogFailures.IsRetryable),
            MaxRetryAttempts = 5,
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
            Delay = TimeSpan.FromMilliseconds(20),
        })
        .Build();

    public Task<T> RunAsync<T>(Func<CatalogSession, CancellationToken, Task<T>> work, CancellationToken ct) =>
        TimedAsync("write", () => Retry.ExecuteAsync(async token =>
        {
            if (_group is not null)
            {
                return await _group.RunAsync(work, token);
            }

            await using var session = await CatalogSession.BeginAsync(database, token);
            return await work(session, token);
        }, ct));

    /// <summary>Work that only reads: on SQLite it neither waits for nor blocks writers.</summary>
    public Task<T> ReadAsync<T>(Func<CatalogSession, CancellationToken, Task<T>> work, CancellationToken ct) =>
        TimedAsync("read", () => Retry.ExecuteAsync(async token =>
        {
            await using var session = await CatalogSession.BeginAsync(database, token, readOnly: true);
            return await work(session, token);
        }, ct));

    public ValueTask DisposeAsync() => _group?.DisposeAsync() ?? ValueTask.CompletedTask;

    private static async Task<T> TimedAsync<T>(string kind, Func<ValueTask<T>> work)
    {
        var started = Stopwatch.GetTimestamp();
        var outcome = "error";
        try
        {
            var result = await work();
            outcome = "ok";
            return result;
        }
        finally
        {
            CatalogMeter.WorkEnded(started, kind, outcome);
        }
    }
}
