using CloudFs.Proxy.Endpoints;
using CloudFs.Proxy.Middleware.Bulk;
using CloudFs.Proxy.Middleware.CrossDomain;
using CloudFs.Proxy.Middleware.DomainRemap;
using CloudFs.Proxy.Middleware.FormPost;
using CloudFs.Proxy.Middleware.StaticWeb;
using CloudFs.Proxy.Middleware.TempUrl;

namespace CloudFs.Proxy.Middleware;

/// <summary>
/// The proxy's Swift middlewares, in the order Swift's proxy pipeline runs them, so a request
/// meets them as it would in Swift (a temp URL is checked before rate limiting, a form POST is
/// turned into PUTs before the copy and quota rules see it). Each registers its
/// <see cref="Endpoints.IInfoSection"/> beside itself. Token validation and access rules run
/// after all of them, in <see cref="Endpoints.SwiftApiHandler"/>.
/// </summary>
public static class SwiftPipeline
{
    /// <summary>Options, shared services and the /info sections of the enabled middlewares.</summary>
    public static IServiceCollection AddSwiftMiddleware(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<MiddlewareOptions>().BindConfiguration(MiddlewareOptions.Section);
        services.AddSingleton<ScopeInfoCache>();
        services.AddOptions<TempUrlOptions>().BindConfiguration(TempUrlOptions.Section);
        services.AddOptions<CrossDomainOptions>().BindConfiguration(CrossDomainOptions.Section);
        services.AddOptions<FormPostOptions>().BindConfiguration(FormPostOptions.Section);
        services.AddOptions<DomainRemapOptions>().BindConfiguration(DomainRemapOptions.Section);
        services.AddOptions<StaticWebOptions>().BindConfiguration(StaticWebOptions.Section);
        services.AddOptions<BulkOptions>().BindConfiguration(BulkOptions.Section);
        services.AddOptions<Symlinks.SymlinkOptions>().BindConfiguration(Symlinks.SymlinkOptions.Section);
        // Account quotas are built into the catalog, never switched off.
        services.AddSingleton<IInfoSection, AccountQuotasInfoSection>();
        // /info lists a middleware only when it is in the pipeline, as Swift's does.
        if (Enabled(configuration, DomainRemapOptions.Section))
        {
            services.AddSingleton<IInfoSection, DomainRemapInfoSection>();
        }

        if (Enabled(configuration, BulkOptions.Section))
        {
            services.AddSingleton<IInfoSection, BulkDeleteInfoSection>();
            services.AddSingleton<IInfoSection, BulkUploadInfoSection>();
        }

        if (Enabled(configuration, TempUrlOptions.Section))
        {
            services.AddSingleton<IInfoSection, TempUrlInfoSection>();
        }

        if (Enabled(configuration, CrossDomainOptions.Section))
        {
            services.AddSingleton<IInfoSection, CrossDomainInfoSection>();
        }

        if (Enabled(configuration, FormPostOptions.Section))
        {
            services.AddSingleton<IInfoSection, FormPostInfoSection>();
        }

        if (Enabled(configuration, StaticWebOptions.Section))
        {
            services.AddSingleton<IInfoSection, StaticWebInfoSection>();
        }

        // Not an ASP.NET middleware: symlinks sit after the access rules (Proxy/Symlinks, called by the object handlers).
        if (Enabled(configuration, Symlinks.SymlinkOptions.Section))
        {
            services.AddSingleton<IInfoSection, Symlinks.SymlinkInfoSection>();
        }

        if (Enabled(configuration, LargeObjects.SloOptions.Section))
        {
            services.AddSingleton<IInfoSection, LargeObjects.SloInfoSection>();
        }

        return services;
    }

    // Swift 2.30's order: catch_errors gatekeeper healthcheck proxy-logging cache
    // domain_remap listing_formats bulk tempurl ratelimit crossdomain tempauth formpost
    // staticweb copy container-quotas account-quotas slo dlo versioned_writes symlink
    // proxy-logging proxy-server (CORS is part of proxy-server itself).
    public static WebApplication UseSwiftMiddleware(this WebApplication app)
    {
        app.UseMiddleware<DomainRemapMiddleware>();
        // Bulk's sub-requests run through everything after it, this eviction included.
        app.UseMiddleware<BulkMiddleware>();
        // Not a Swift middleware: Swift's proxy clears its info cache as writes pass through.
        app.UseMiddleware<ScopeInfoEviction>();
        app.UseMiddleware<TempUrlMiddleware>();
        app.UseMiddleware<Ratelimit.RatelimitMiddleware>();
        app.UseMiddleware<CrossDomainMiddleware>();
        app.UseMiddleware<FormPostMiddleware>();
        app.UseMiddleware<StaticWebMiddleware>();
        // Last: CORS belongs to Swift's proxy-server app, so it wraps what the proxy answers.
        app.UseMiddleware<Cors.CorsMiddleware>();
        // Routes are matched after the middlewares, so a path domain_remap rewrote finds its endpoint.
        app.UseRouting();
        return app;
    }

    private static bool Enabled(IConfiguration configuration, string section) =>
        configuration.GetValue($"{section}:Enabled", true);
}
