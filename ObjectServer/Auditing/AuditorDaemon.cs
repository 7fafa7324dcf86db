using CloudFs.ObjectServer.Daemons;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CloudFs.ObjectServer.Auditing;

/// <summary>
/// Runs an <see cref="AuditPass"/> at start and then every <c>IntervalSeconds</c> (Swift's object
/// auditor in forever mode), at the configured byte and file rates, shared by the whole pass.
/// </summary>
public sealed partial class AuditorDaemon(AuditPass pass, IOptions<AuditorOptions> options, TimeProvider time, ILogger<AuditorDaemon> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        if (settings.IntervalSeconds <= 0)
        {
            return;
        }

        // Let the host finish starting before the first pass takes the disk.
        await Task.Yield();
        var bytes = new BytePacer(settings.BytesPerSecond, time);
        var files = new BytePacer(settings.FilesPerSecond, time);
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(settings.IntervalSeconds), time);
        do
        {
            try
            {
                await pass.RunAsync(bytes, files, stoppingToken);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                Log.PassFailed(logger, ex);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    private static partial class Log
    {
        [LoggerMessage(170, LogLevel.Error, "Audit pass failed")]
        public static partial void PassFailed(ILogger logger, Exception ex);
    }
}
