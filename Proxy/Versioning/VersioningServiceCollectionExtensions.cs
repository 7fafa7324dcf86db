using CloudFs.Proxy.Endpoints;

namespace CloudFs.Proxy.Versioning;

public static class VersioningServiceCollectionExtensions
{
    /// <summary>Both versioning modes live in the catalog; the proxy only advertises them.</summary>
    public static IServiceCollection AddVersioning(this IServiceCollection services)
    {
        services.AddSingleton<IInfoSection, VersionedWritesInfoSection>();
        services.AddSingleton<IInfoSection, ObjectVersioningInfoSection>();
        return services;
    }
}
