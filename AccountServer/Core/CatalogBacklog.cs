using CloudFs.AccountServer.Data;
using Microsoft.Extensions.Options;

namespace CloudFs.AccountServer.Core;

/// <summary>
/// Counts the catalog's backlogs (open reservations, the garbage queue) every
/// <c>BacklogSampleSeconds</c>: a metrics scrape reads the last counts instead of querying the
/// database from inside the exporter. Counts stay -1 until the first sample succeeds.
/// </summary>
public sealed partial class CatalogBacklog(CatalogWork catalog, ReservationRepository reservations, GarbageRepository garbage,
    IOptions<AccountServerOptions> options, TimeProvider time, ILogger<CatalogBacklog> logger) : BackgroundService
{
    private long _reservations = -1;
    private long _garbage = -1;

    public long Reservations => Interlocked.Read(ref _reservations);

    public long Garbage => Interlocked.Read(ref _garbage);

    public async Task SampleAsync(CancellationToken ct)
    {
        var (held, queued) = await catalog.ReadAsync(async (session, token) =>
            (await reservations.CountAsync(session, token), await garbage.CountAsync(session, token)), ct);
        Interlocked.Exchange(ref _reservations, held);
        Interlocked.Exchange(ref _garbage, queued);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(options.Value.BacklogSampleSeconds), time);
        do
        {
            try
            {
                await SampleAsync(stoppingToken);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                // The database may be down (the journal covers writes then); the gauges keep their last counts.
                Log.SampleFailed(logger, ex.Message);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Warning, "Could not count the catalog backlog: {Reason}")]
        public static partial void SampleFailed(ILogger logger, string reason);
    }
}
