using System.Globalization;
using System.Text.Json;
using CloudFs.AccountServer.Core;
using CloudFs.AccountServer.Core.Hosts;
using CloudFs.Common.Contracts;
using CloudFs.Common.Hosting;
using CloudFs.Common.Results;

namespace CloudFs.AccountServer.Endpoints;

/// <summary>
/// Host reports from the role servers (<c>POST /hosts/report</c>), and for admins the host list,
/// one host's statistics and the cluster's alerts (relayed from the proxy's <c>/admin/hosts</c>).
/// </summary>
public static class HostEndpoints
{
    // A report holds a few dozen rows; anything near this is not one.
    private const long MaxReportBytes = 1024 * 1024;

    private static readonly JsonSerializerOptions Snake = new(JsonSerializerDefaults.Web) { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    public static IEndpointRouteBuilder MapHostEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/hosts/report", ReportAsync);
        app.MapGet("/hosts", async (HttpContext context, HostService hosts) => Admin(context) ?? Results.Json(
            (await hosts.ListAsync(context.RequestAborted)).Select(v => new
            {
                v.Host.Id, v.Host.NodeId, v.Host.Hostname, v.Host.Role, v.Host.Address, v.Host.Port, v.Host.Version, v.Host.StartedAt, v.Host.LastSeen,
                v.Host.IntervalSeconds, v.Silent, v.Host.Cores, v.Host.Model, v.Host.MemTotalBytes, v.Cpu, v.Mem, v.Alerts,
            }), Snake));
        app.MapGet("/hosts/alerts", async (HttpContext context, HostService hosts) =>
            Admin(context) ?? Results.Json(await hosts.AlertsAsync(context.RequestAborted), Snake));
        app.MapGet("/hosts/{host}/stats", async (HttpContext context, string host, HostService hosts) =>
        {
            if (Admin(context) is { } refused)
            {
                return refused;
            }

            var q = context.Request.Query;
            return OutcomeResults.Map(await hosts.StatsAsync(host, Long(q["since"]), Long(q["until"]), (int)Math.Clamp(Long(q["limit"]) ?? 1000, 0, int.MaxValue),
                context.RequestAborted), stats => Results.Json(stats, Snake));
        });
        return app;
    }

    private static async Task<IResult> ReportAsync(HttpContext context, HostService hosts)
    {
        if (context.Request.ContentLength is > MaxReportBytes)
        {
            return ErrorResults.From(new CloudFsError(CloudFsErrorKind.RequestEntityTooLarge, "A host report is at most 1 MiB"));
        }

        HostReport? report;
        try
        {
            report = await JsonSerializer.DeserializeAsync(context.Request.Body, ContractJson.Default.HostReport, context.RequestAborted);
        }
        catch (JsonException ex)
        {
            return ErrorResults.From(CloudFsError.BadRequest("Invalid host report: " + ex.Message));
        }

        return report is null
            ? ErrorResults.From(CloudFsError.BadRequest("Invalid host report: empty"))
            : OutcomeResults.Map(await hosts.ReportAsync(report, context.RequestAborted), _ => Results.NoContent());
    }

    private static IResult? Admin(HttpContext context) =>
        BackendRequest.Caller(context.Request).IsAdmin ? null : ErrorResults.From(Access.Forbidden());

    private static long? Long(string? value) => long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var v) ? v : null;
}
