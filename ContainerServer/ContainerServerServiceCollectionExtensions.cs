using CloudFs.Backend;
using CloudFs.Catalog;
using CloudFs.ContainerServer.Core;
using CloudFs.ContainerServer.Data;

namespace CloudFs.ContainerServer;

public static class ContainerServerServiceCollectionExtensions
{
    /// <summary>
    /// The catalog (read only here: no migrator, the account server owns the schema), its
    /// repositories and the read services.
    /// </summary>
    public static IServiceCollection AddContainerServer(this IServiceCollection services)
    {
        services.AddReadOnlyCatalog();
        services.AddSingleton<CatalogReads>();
        services.AddHostedService<CatalogSchemaWatch>();
        services.AddSingleton<ScopeRepository>();
        services.AddSingleton<ListingRepository>();
        services.AddSingleton<ObjectRepository>();
        services.AddSingleton<PreparedReads>();
        services.AddSingleton<ListingService>();
        services.AddSingleton<VersionListingRepository>();
        services.AddSingleton<VersionListingService>();
        services.AddSingleton<ObjectResolver>();
        services.AddSingleton<TreeTotalsRepository>();
        services.AddSingleton<TreeTotalsService>();
        services.AddSingleton<SearchRepository>();
        services.AddSingleton<SearchService>();

        // Host statistics go to the account servers, found on the account ring.
        services.AddBackendClient(BackendOptions.Section);
        services.AddHostReporter();
        return services;
    }
}
