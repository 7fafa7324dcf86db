using CloudFs.Common.Hosting.Metrics;
using CloudFs.Proxy.Versioning;
using CloudFs.Backend;
using CloudFs.Proxy.Auth;
using CloudFs.Proxy.Backend;
using CloudFs.Proxy.Endpoints;
using CloudFs.Proxy.Forwarding;
using CloudFs.Proxy.LargeObjects;
using CloudFs.Proxy.Middleware.Ratelimit;
using CloudFs.Proxy.Objects;
using CloudFs.Proxy.Routing;

namespace CloudFs.Proxy;

/// <summary>Registers everything the proxy needs.</summary>
public static class ProxyServiceCollectionExtensions
{
    public static IServiceCollection AddProxyServices(this IServiceCollection services)
    {
        services.AddOptions<ProxyOptions>().BindConfiguration(ProxyOptions.Section)
            .Validate(o => o.ClientTimeoutSeconds > 0, "Proxy:ClientTimeoutSeconds must be positive.")
            .Validate(o => o.PutChunkSize is >= 4096 and <= 16 * 1024 * 1024, "Proxy:PutChunkSize must be 4 KiB - 16 MiB.")
            .Validate(o => o.PutQueueChunks is >= 1 and <= 1024, "Proxy:PutQueueChunks must be 1-1024.")
            .Validate(o => o.MaxFileSize > 0, "Proxy:MaxFileSize must be positive.")
            .ValidateOnStart();
        services.AddRatelimit();
        services.AddOptions<LoginRateLimitOptions>().BindConfiguration(LoginRateLimitOptions.Section)
            .Validate(o => o.PerUserBurst >= 1 && o.PerClientBurst >= 1, "Proxy:LoginRateLimit bursts must be at least 1.")
            .Validate(o => o.PerUserPerMinute >= 0 && o.PerClientPerMinute >= 0, "Proxy:LoginRateLimit rates must not be negative.")
            .ValidateOnStart();
        services.AddSingleton<LoginThrottle>();
        services.AddVersioning();
        services.AddOptions<Cors.CorsOptions>().BindConfiguration(Cors.CorsOptions.Section);
        services.AddOptions<WebConsole.WebConsoleOptions>().BindConfiguration(WebConsole.WebConsoleOptions.Section);
        // The backend client reads the timeouts and error-limit keys the proxy always had in its section.
        services.AddBackendClient(ProxyOptions.Section);
        services.AddHostReporter();
        services.AddHttpForwarder();
        services.AddSingleton<NodeSelector>();
        services.AddSingleton<AuthNodes>();
        services.AddSingleton<TokenValidator>();
        services.AddSingleton<AdmissionCache>();
        services.AddSingleton<CatalogClient>();
        services.AddSingleton<Forwarder>();
        services.AddSingleton<ReplicaWriter>();
        services.AddSingleton<Symlinks.SymlinkHandler>();
        services.AddSingleton<SmallBodyCache>();
        services.AddMetricSet<SmallBodyCacheMetrics>();
        services.AddSingleton<ObjectGetHandler>();
        services.AddSingleton<LargeObjects.SegmentStreamer>();
        services.AddDlo();
        services.AddSingleton<ObjectPutHandler>();
        services.AddOptions<LargeObjects.SloOptions>().BindConfiguration(LargeObjects.SloOptions.Section);
        services.AddSingleton<LargeObjects.SloPutHandler>();
        services.AddSingleton<LargeObjects.SloReadHandler>();
        services.AddSingleton<LargeObjects.SloDeleteHandler>();
        services.AddSingleton<Extensions.ExtensionHandler>();
        services.AddSingleton<Extensions.AdminHandler>();
        services.AddSingleton<SwiftApiHandler>();
        services.AddSingleton<AuthForwarder>();
        services.AddSingleton<RegistrationForwarder>();
        return services;
    }
}
