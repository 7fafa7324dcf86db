using System.Net;
using System.Net.Http.Json;
using System.Net.NetworkInformation;
using System.Net.Sockets;
using CloudFs.Common.Contracts;
using CloudFs.Common.Hosting;
using CloudFs.Common.Hosts;
using CloudFs.Common.Http;
using CloudFs.Common.Time;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CloudFs.Backend.Hosts;

/// <summary>
/// Every <c>Server:HostReportSeconds</c>, samples this server's host, measures its storage,
/// gathers its alerts and posts them to an account server (<c>POST /hosts/report</c>), which
/// keeps them in the catalog. A report that no account server takes is dropped: the next one
/// carries the running totals anyway, and statistics are not worth a queue.
/// </summary>
public sealed partial class HostReporter(IOptions<ServerOptions> server, ServerInfo info, HostSampler sampler, IEnumerable<IStorageSource> storage,
    IEnumerable<IAlertSource> alerts, RoleClient client, RingSet rings, TimeProvider time, ILogger<HostReporter> logger) : BackgroundService
{
    private const int FirstReportSeconds = 3;

    private readonly string _hostname = Dns.GetHostName();
    private int _seq;
    private bool _lastFailed;

    /// <summary>This server's report right now; each call takes the next sequence number.</summary>
    public HostReport Build()
    {
        var options = server.Value;
        return new HostReport(info.Node.Id, _hostname, info.Role.Name(), Address(options.Bind), options.Port, ServerInfo.Version,
            info.StartedAt.ToUnixTimeMilliseconds(), options.HostReportSeconds, Interlocked.Increment(ref _seq), time.GetUtcNow().ToUnixTimeMilliseconds(),
            sampler.Sample(), storage.SelectMany(s => s.Measure()).ToList(), alerts.SelectMany(a => a.Current()).ToList());
    }

    /// <summary>Sends one report; true when an account server stored it.</summary>
    public async Task<bool> ReportAsync(CancellationToken ct)
    {
        var report = Build();
        var servers = rings.Account.OneDevicePerServer();
        var call = new CallContext(TransactionId.New(time), Timestamp.Now(time), null);
        // Safe to repeat: the account server stores a (host, time, sequence) sample once.
        var response = await client.SendAsync(servers, node =>
        {
            var request = RoleClient.Request(HttpMethod.Post, node, "/hosts/report", call);
            request.Content = JsonContent.Create(report, ContractJson.Default.HostReport);
            return request;
        }, idempotent: true, ct);
        return response is { IsSuccess: true };
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var seconds = server.Value.HostReportSeconds;
        if (seconds <= 0)
        {
            return;
        }

        // The first CPU reading only sets the baseline the next one is measured from. The first
        // report goes soon, so a new server shows up in `cloudfs hosts` without a long wait.
        sampler.Sample();
        await Task.Delay(TimeSpan.FromSeconds(Math.Min(seconds, FirstReportSeconds)), time, stoppingToken);
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(seconds), time);
        do
        {
            try
            {
                var stored = await ReportAsync(stoppingToken);
                Note(stored, null);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                Note(false, ex.Message);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    // One warning when reports start failing and one line when they get through again, not one per interval.
    private void Note(bool stored, string? reason)
    {
        if (stored == !_lastFailed)
        {
            return;
        }

        _lastFailed = !stored;
        if (stored)
        {
            Log.Resumed(logger);
        }
        else
        {
            Log.Failed(logger, reason ?? "no account server stored it");
        }
    }

    // A wildcard bind says nothing about where the server is: name its first outside IPv4 address instead.
    private static string Address(string bind)
    {
        if (!IPAddress.TryParse(bind, out var address) || !(address.Equals(IPAddress.Any) || address.Equals(IPAddress.IPv6Any)))
        {
            return bind;
        }

        try
        {
            return NetworkInterface.GetAllNetworkInterfaces()
                .Where(n => n.OperationalStatus == OperationalStatus.Up && n.NetworkInterfaceType != NetworkInterfaceType.Loopback)
                .SelectMany(n => n.GetIPProperties().UnicastAddresses)
                .Select(u => u.Address)
                .FirstOrDefault(a => a.AddressFamily == AddressFamily.InterNetwork)?.ToString() ?? bind;
        }
        catch (NetworkInformationException)
        {
            return bind;
        }
    }

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Warning, "Host report not stored: {Reason}; statistics are dropped until an account server takes them")]
        public static partial void Failed(ILogger logger, string reason);

        [LoggerMessage(2, LogLevel.Information, "Host reports reach an account server again")]
        public static partial void Resumed(ILogger logger);
    }
}
