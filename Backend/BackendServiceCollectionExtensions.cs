using CloudFs.Backend.Hosts;
using CloudFs.Common.Hosting.Metrics;
using CloudFs.Common.Hosts;
using Microsoft.Extensions.DependencyInjection;

namespace CloudFs.Backend;

/// <summary>Registers the backend client and the rings it routes by; options are bound by each role from its own section.</summary>
public static class BackendServiceCollectionExtensions
{
    public static IServiceCollection AddBackendClient(this IServiceCollection services, string section)
    {
        services.AddOptions<BackendOptions>().BindConfiguration(section)
            .Validate(o => o.IsValid, $"{section}: backend timeouts and ErrorSuppressionLimit must be positive.")
            .ValidateOnStart();
        services.AddSingleton<BackendInvoker>();
        services.AddSingleton<NodeErrorLimiter>();
        services.AddMetricSet<BackendMetrics>();
        services.AddSingleton<RoleClient>();
        services.AddSingleton<RingSet>();
        services.AddSingleton<IAlertSource, ErrorLimitAlerts>();
        return services;
    }

    /// <summary>Reports this server's host statistics and alerts to the account servers (needs <see cref="AddBackendClient"/>).</summary>
    public static IServiceCollection AddHostReporter(this IServiceCollection services)
    {
        services.AddSingleton(_ => new HostSampler());
        services.AddSingleton<HostReporter>();
        services.AddHostedService(sp => sp.GetRequiredService<HostReporter>());
        return services;
    }
}
