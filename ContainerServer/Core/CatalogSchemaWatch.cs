using CloudFs.Catalog;
using CloudFs.ContainerServer.Data;

namespace CloudFs.ContainerServer.Core;

/// <summary>
/// Checks the catalog schema (read only) when the server starts and says in the log whether it
/// can serve. The account server runs the migrations; while it has not, this polls until it
/// has, and requests meanwhile get 503 (each of them also checks again, so none waits for the
/// poll). It never stops the host: an unreachable database is logged and retried.
/// </summary>
public sealed partial class CatalogSchemaWatch(CatalogReads catalog, TimeProvider time, ILogger<CatalogSchemaWatch> logger)
    : BackgroundService
{
    private static readonly TimeSpan Poll = TimeSpan.FromSeconds(2);

    // Repeat the warning now and then, not every poll.
    private const int PollsPerWarning = 15;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        for (var attempt = 0; !stoppingToken.IsCancellationRequested; attempt++)
        {
            try
            {
                if (catalog.IsReady || await catalog.RefreshAsync(stoppingToken))
                {
                    Log.Ready(logger, CatalogSchema.RequiredVersion);
                    return;
                }

                if (attempt % PollsPerWarning == 0)
                {
                    Log.Waiting(logger, await catalog.AppliedVersionAsync(stoppingToken), CatalogSchema.RequiredVersion);
                }
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                if (attempt % PollsPerWarning == 0)
                {
                    Log.Unreachable(logger, ex.Message);
                }
            }

            try
            {
                await Task.Delay(Poll, time, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Information, "Catalog schema is at version {Version} or later; serving")]
        public static partial void Ready(ILogger logger, int version);

        [LoggerMessage(2, LogLevel.Warning,
            "Catalog schema is at version {Applied}, this container server reads version {Required}: answering 503 until the account server has migrated it")]
        public static partial void Waiting(ILogger logger, int applied, int required);

        [LoggerMessage(3, LogLevel.Warning, "Catalog schema check failed, retrying: {Reason}")]
        public static partial void Unreachable(ILogger logger, string reason);
    }
}
