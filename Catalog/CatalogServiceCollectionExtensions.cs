using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CloudFs.Catalog;

public static class CatalogServiceCollectionExtensions
{
    /// <summary>Registers the catalog connection factory and migrator from the <c>Catalog</c> section (the account server: it owns the schema).</summary>
    public static IServiceCollection AddCatalog(this IServiceCollection services)
    {
        services.AddReadOnlyCatalog();
        services.AddSingleton<SchemaMigrator>();
        return services;
    }

    /// <summary>
    /// Registers the catalog connection factory and the read-only schema probe, without the
    /// migrator: for roles that only read the catalog and may run under a SELECT-only user.
    /// </summary>
    public static IServiceCollection AddReadOnlyCatalog(this IServiceCollection services)
    {
        services.AddOptions<CatalogOptions>().BindConfiguration(CatalogOptions.Section)
            .Validate(o => !string.IsNullOrWhiteSpace(o.ConnectionString), "Catalog:ConnectionString must be set.")
            .Validate(o => o.SyncWait is >= 0 and <= 15, "Catalog:SyncWait must be 0-15 (wsrep_sync_wait's bit mask).")
            .ValidateOnStart();
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<CatalogOptions>>().Value);
        services.AddSingleton<CatalogDatabase>();
        services.AddSingleton<CatalogSchema>();
        return services;
    }

    /// <summary>Runs pending migrations before the server starts taking requests.</summary>
    public static async Task MigrateCatalogAsync(this WebApplication app, CancellationToken ct = default) =>
        await app.Services.GetRequiredService<SchemaMigrator>().MigrateAsync(ct);
}
