using CloudFs.Catalog;
using Microsoft.Data.Sqlite;
using MySqlConnector;
using Polly;
using Polly.Retry;

namespace CloudFs.AccountServer.Data;

/// <summary>
/// Runs a unit of catalog work in one transaction and retries it whole on transient
/// database errors (deadlock, lock wait timeout, busy SQLite file). A retry is safe because
/// the failed attempt rolled back; the work must not have side effects outside the session.
/// </summary>
public sealed class CatalogWork(CatalogDatabase database)
{
    private static readonly ResiliencePipeline Retry = new ResiliencePipelineBuilder()
        .AddRetry(new RetryStrategyOptions
        {
            ShouldHandle = new PredicateBuilder().Handle<Exception>(IsRetryable),
            MaxRetryAttempts = 5,
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
            Delay = TimeSpan.FromMilliseconds(20),
        })
        .Build();

    public async Task<T> RunAsync<T>(Func<CatalogSession, CancellationToken, Task<T>> work, CancellationToken ct) =>
        await Retry.ExecuteAsync(async token =>
        {
            await using var session = await CatalogSession.BeginAsync(database, token);
            return await work(session, token);
        }, ct);

    /// <summary>Work that only reads: on SQLite it neither waits for nor blocks writers.</summary>
    public async Task<T> ReadAsync<T>(Func<CatalogSession, CancellationToken, Task<T>> work, CancellationToken ct) =>
        await Retry.ExecuteAsync(async token =>
        {
            await using var session = await CatalogSession.BeginAsync(database, token, readOnly: true);
            return await work(session, token);
        }, ct);

    /// <summary>True when the database itself could not be reached (the journal's cue).</summary>
    public static bool IsUnreachable(Exception ex) => ex switch
    {
        MySqlException { ErrorCode: MySqlErrorCode.UnableToConnectToHost } => true,
        MySqlException { InnerException: System.Net.Sockets.SocketException } => true,
        MySqlException m when m.Number is 1040 or 2002 or 2003 or 2006 or 2013 => true,
        System.Net.Sockets.SocketException => true,
        _ => false,
    };

    // Deadlocks and lock timeouts roll the transaction back, so running it again is safe.
    // An unreachable server is not retried here: the caller decides (journal or 503).
    private static bool IsRetryable(Exception ex) => ex switch
    {
        MySqlException m when IsUnreachable(m) => false,
        MySqlException { ErrorCode: MySqlErrorCode.LockDeadlock or MySqlErrorCode.LockWaitTimeout } => true,
        SqliteException { SqliteErrorCode: 5 or 6 } => true,
        _ => false,
    };
}
