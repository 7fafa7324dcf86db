using CloudFs.AccountServer.Core;
using CloudFs.AccountServer.Data;
using CloudFs.Catalog;
using Microsoft.Extensions.Options;

namespace CloudFs.AccountServer;

public static class AccountServerServiceCollectionExtensions
{
    public static IServiceCollection AddAccountServer(this IServiceCollection services)
    {
        services.AddCatalog();
        services.AddOptions<BootstrapOptions>().BindConfiguration(BootstrapOptions.Section);
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<BootstrapOptions>>().Value);
        services.AddSingleton<UserRepository>();
        services.AddSingleton<NamespaceRepository>();
        services.AddSingleton<UserBootstrapper>();
        return services;
    }
}
