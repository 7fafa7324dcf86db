using CloudFs.Proxy.Endpoints;
using Microsoft.Extensions.Options;

namespace CloudFs.Proxy.Middleware.Ratelimit;

/// <summary>Registers the ratelimit filter's options, rules, counters and /info section.</summary>
public static class RatelimitServiceCollectionExtensions
{
    public static IServiceCollection AddRatelimit(this IServiceCollection services)
    {
        services.AddOptions<RatelimitOptions>().BindConfiguration(RatelimitOptions.Section)
            .Validate(o => o.MaxSleepTimeSeconds > 0, "Proxy:Ratelimit:MaxSleepTimeSeconds must be positive.")
            .Validate(o => o.ClockAccuracy > 0, "Proxy:Ratelimit:ClockAccuracy must be positive.")
            .Validate(o => o.ContainerRatelimit.Values.Concat(o.ContainerListingRatelimit.Values).All(r => r > 0), "Proxy:Ratelimit rates must be positive.")
            .ValidateOnStart();
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<RatelimitOptions>>().Value);
        services.AddSingleton<RatelimitRules>();
        services.AddSingleton<GlobalRatelimitCache>();
        services.AddSingleton(sp =>
        {
            var o = sp.GetRequiredService<RatelimitOptions>();
            return new RateCounter(sp.GetRequiredService<TimeProvider>(), o.MaxSleepTimeSeconds, o.RateBufferSeconds, o.ClockAccuracy);
        });
        services.AddSingleton<IInfoSection, RatelimitInfoSection>();
        return services;
    }
}
