using Microsoft.Extensions.Options;

namespace CloudFs.AccountServer.Core.Hosts;

/// <summary>
/// Keeps host statistics bounded: every <c>RetentionSeconds</c>, samples older than
/// <c>RawHours</c> are folded into <c>BucketSeconds</c> buckets and buckets older than
/// <c>KeepDays</c> are dropped (see <see cref="HostService.ApplyRetentionAsync"/>). Every account
/// server runs it; the work is idempotent, so two running at once only repeat each other.
/// </summary>
public sealed partial class HostStatsRetention(HostService hosts, IOptions<HostStatsOptions> options, TimeProvider time, ILogger<HostStatsRetention> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(options.Value.RetentionSeconds), time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                var (folded, pruned, forgotten) = await hosts.ApplyRetentionAsync(stoppingToken);
                if (folded + pruned + forgotten > 0)
                {
                    Log.Applied(logger, folded, pruned, forgotten);
                }
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                Log.Failed(logger, ex.Message);
            }
        }
    }

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Information, "Host statistics: folded {Folded} samples into buckets, dropped {Pruned} old rows, forgot {Forgotten} silent hosts")]
        public static partial void Applied(ILogger logger, int folded, int pruned, int forgotten);

        [LoggerMessage(2, LogLevel.Warning, "Host statistics retention failed: {Reason}")]
        public static partial void Failed(ILogger logger, string reason);
    }
}
