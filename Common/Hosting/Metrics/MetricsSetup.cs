using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;

namespace CloudFs.Common.Hosting.Metrics;

/// <summary>
/// OpenTelemetry metrics for every role, scraped as Prometheus text at <c>/metrics</c>:
/// ASP.NET Core's request duration histogram (verb, status, route), HttpClient's (calls to other
/// roles), the .NET runtime's, and every meter named <c>CloudFs.*</c>.
/// </summary>
public static class MetricsSetup
{
    public static WebApplicationBuilder AddCloudFsMetrics(this WebApplicationBuilder builder, ServerRole role)
    {
        builder.Services.AddOptions<MetricsOptions>().BindConfiguration(MetricsOptions.Section)
            .Validate(o => o.Path.StartsWith('/'), "Metrics:Path must start with '/'.")
            .Validate(o => TryParse(o.AllowedNetworks), "Metrics:AllowFrom must list IP addresses or CIDR networks.")
            .ValidateOnStart();
        var options = builder.Configuration.GetSection(MetricsOptions.Section).Get<MetricsOptions>() ?? new MetricsOptions();
        if (!options.Enabled)
        {
            return builder;
        }

        // The role names the service; Prometheus adds the instance (host:port) itself.
        builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService("cloudfs-" + role.Name(), serviceVersion: ServerInfo.Version))
            .WithMetrics(metrics => metrics
            .AddAspNetCoreInstrumentation()
            .AddHttpClientInstrumentation()
            .AddRuntimeInstrumentation()
            .AddMeter("CloudFs.*")
            // Counted on every buffer rent and every route match: per-request cost for figures
            // nobody alerts on.
            .AddView("aspnetcore.memory_pool.*", MetricStreamConfiguration.Drop)
            .AddView("aspnetcore.routing.match_attempts", MetricStreamConfiguration.Drop)
            // No cached answer: two scrapes around a workload must show every count it moved.
            .AddPrometheusExporter(o => o.ScrapeResponseCacheDurationMilliseconds = 0));
        return builder;
    }

    /// <summary>Registers <typeparamref name="T"/> as a singleton whose instruments exist from start-up on.</summary>
    public static IServiceCollection AddMetricSet<T>(this IServiceCollection services)
        where T : class, IMetricSet
    {
        services.AddSingleton<T>();
        services.AddSingleton<IMetricSet>(sp => sp.GetRequiredService<T>());
        return services;
    }

    public static WebApplication MapCloudFsMetrics(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<IOptions<MetricsOptions>>().Value;
        if (!options.Enabled)
        {
            return app;
        }

        // Constructing the sets creates their observable instruments.
        _ = app.Services.GetServices<IMetricSet>().ToList();
        var allowed = ClientNetworks.Parse(options.AllowedNetworks);
        app.MapPrometheusScrapingEndpoint(options.Path, meterProvider: null, configureBranchedPipeline: branch => branch.Use(async (context, next) =>
        {
            if (!allowed.Contains(context.Connection.RemoteIpAddress))
            {
                await ErrorResults.From(new Results.CloudFsError(Results.CloudFsErrorKind.Forbidden)).ExecuteAsync(context);
                return;
            }

            await next(context);
        }), optionsName: null);
        return app;
    }

    private static bool TryParse(IEnumerable<string> entries)
    {
        try
        {
            ClientNetworks.Parse(entries);
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
