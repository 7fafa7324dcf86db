namespace CloudFs.Proxy.LargeObjects;

/// <summary>Registers dynamic large object support.</summary>
public static class DloServiceCollectionExtensions
{
    public static IServiceCollection AddDlo(this IServiceCollection services)
    {
        services.AddOptions<DloOptions>().BindConfiguration(DloOptions.Section)
            .Validate(o => o.MaxSegments > 0, "Proxy:Dlo:MaxSegments must be positive.")
            .ValidateOnStart();
        services.AddSingleton<DloListing>();
        services.AddSingleton<DloGetHandler>();
        return services;
    }
}
