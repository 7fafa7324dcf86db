using CloudFs.AccountServer.Core;
using CloudFs.AccountServer.Endpoints;
using CloudFs.Catalog;
using CloudFs.Common.Hosting;

namespace CloudFs.AccountServer;

/// <summary>Builds the account server; tests call it to run one in process.</summary>
public static class AccountServerApp
{
    /// <param name="configureServices">Lets a test replace a service (e.g. the clock) before the app is built.</param>
    public static WebApplication Build(string[] args, Action<IServiceCollection>? configureServices = null)
    {
        var builder = CloudFsHost.CreateBuilder(args, ServerRole.Account);
        builder.Services.AddAccountServer();
        configureServices?.Invoke(builder.Services);
        var app = builder.Build();
        app.UseCloudFsDefaults();
        app.UseMiddleware<CatalogOutageMiddleware>();
        app.MapAuthEndpoints();
        app.MapNamespaceEndpoints();
        app.MapAdminEndpoints();
        app.MapTreeEndpoints();
        app.MapFsckEndpoints();
        app.MapJournalReconEndpoints();
        app.MapHostEndpoints();
        return app;
    }

    /// <summary>Migrates the catalog and creates the bootstrap users before taking requests.</summary>
    public static async Task PrepareAsync(this WebApplication app, CancellationToken ct = default)
    {
        await app.MigrateCatalogAsync(ct);
        await app.Services.GetRequiredService<UserBootstrapper>().RunAsync(ct);
    }
}
