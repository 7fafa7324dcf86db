using System.Text.Json.Nodes;
using CloudFs.Common.Contracts;
using CloudFs.Common.Hosts;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CloudFs.Common.Hosting;

/// <summary><c>/healthcheck</c>, <c>/recon</c> and <c>/recon/alerts</c>, answered the same way by every role.</summary>
public static class HealthEndpoints
{
    public static IEndpointRouteBuilder MapHealthEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapMethods("/healthcheck", ["GET", "HEAD"], (IOptions<ServerOptions> options) =>
        {
            var disable = options.Value.DisablePath;
            return !string.IsNullOrEmpty(disable) && File.Exists(disable)
                ? Microsoft.AspNetCore.Http.Results.Text("DISABLED BY FILE", "text/plain", statusCode: StatusCodes.Status503ServiceUnavailable)
                : Microsoft.AspNetCore.Http.Results.Text("OK", "text/plain");
        });

        app.MapGet("/recon", (ServerInfo info, TimeProvider time, IConfiguration config) =>
            Microsoft.AspNetCore.Http.Results.Json(Recon(info, time, config)));
        // What this server raises right now; the cluster's view (silent hosts too) is the proxy's /admin/alerts.
        app.MapGet("/recon/alerts", (IEnumerable<IAlertSource> sources) =>
            Microsoft.AspNetCore.Http.Results.Json(sources.SelectMany(s => s.Current()).ToArray(), ContractJson.Default.HostAlertArray));
        app.MapGet("/recon/version", () => Microsoft.AspNetCore.Http.Results.Json(new { version = ServerInfo.Version }));
        app.MapGet("/recon/uptime", (ServerInfo info, TimeProvider time) =>
            Microsoft.AspNetCore.Http.Results.Json(new { uptime_seconds = Uptime(info, time) }));
        return app;
    }

    private static JsonObject Recon(ServerInfo info, TimeProvider time, IConfiguration config) => new()
    {
        ["role"] = info.Role.Name(),
        ["version"] = ServerInfo.Version,
        ["node_id"] = info.Node.Id.ToString("D"),
        ["started_at"] = info.StartedAt.ToString("O"),
        ["uptime_seconds"] = Uptime(info, time),
        ["config_file"] = info.ConfigPath,
        ["config"] = ConfigurationDump.ToJson(config),
    };

    private static double Uptime(ServerInfo info, TimeProvider time) =>
        Math.Round((time.GetUtcNow() - info.StartedAt).TotalSeconds, 3);
}
