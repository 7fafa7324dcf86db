using CloudFs.Common.Contracts;
using CloudFs.Common.Hosts;
using Microsoft.Extensions.Options;

namespace CloudFs.AccountServer.Core.Hosts;

/// <summary>
/// Raises <c>host_silent</c> for every host that stopped reporting: a silent host cannot say so
/// itself, so the account servers, which receive the reports, notice. Checked every
/// <c>SilenceCheckSeconds</c> and cached for <c>/recon/alerts</c> and the metrics.
/// </summary>
public sealed partial class HostSilenceWatch(HostService hosts, IOptions<HostStatsOptions> options, TimeProvider time, ILogger<HostSilenceWatch> logger)
    : BackgroundService, IAlertSource
{
    private volatile IReadOnlyList<HostAlert> _silent = [];

    public IEnumerable<HostAlert> Current() => _silent;

    public async Task CheckAsync(CancellationToken ct) => _silent = await hosts.SilentHostsAsync(ct);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(options.Value.SilenceCheckSeconds), time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await CheckAsync(stoppingToken);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                // The database may be down: keep the last answer rather than call every host silent.
                Log.CheckFailed(logger, ex.Message);
            }
        }
    }

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Warning, "Could not check for silent hosts: {Reason}")]
        public static partial void CheckFailed(ILogger logger, string reason);
    }
}
