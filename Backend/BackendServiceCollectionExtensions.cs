using CloudFs.Common.Hosting.Metrics;
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
        return services;
    }
}
