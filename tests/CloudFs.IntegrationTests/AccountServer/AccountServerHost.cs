using CloudFs.AccountServer;
using CloudFs.Catalog;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace CloudFs.IntegrationTests.AccountServer;

/// <summary>An account server running in process on 127.0.0.1 and a free port, on a given catalog.</summary>
public sealed class AccountServerHost : IAsyncDisposable
{
    public const string AdminPassword = "admin-pw";

    private readonly WebApplication _app;

    private AccountServerHost(WebApplication app, Uri baseUri)
    {
        _app = app;
        Client = new HttpClient { BaseAddress = baseUri, Timeout = TimeSpan.FromSeconds(60) };
    }

    public HttpClient Client { get; }

    public IServiceProvider Services => _app.Services;

    public static Task<AccountServerHost> StartAsync(CatalogOptions catalog, string dataDir, params string[] extra) =>
        StartAsync(catalog, dataDir, null, extra);

    /// <summary>Starts one that reads <paramref name="time"/> instead of the system clock when it is given.</summary>
    public static async Task<AccountServerHost> StartAsync(CatalogOptions catalog, string dataDir, TimeProvider? time, params string[] extra)
    {
        string[] args =
        [
            "--Server:Bind=127.0.0.1", "--Server:Port=0", $"--Server:DataDir={dataDir}",
            $"--Catalog:Provider={catalog.Provider}", $"--Catalog:ConnectionString={catalog.ConnectionString}",
            $"--Bootstrap:AdminPassword={AdminPassword}",
            "--Bootstrap:Users:0:User=test:tester", "--Bootstrap:Users:0:Key=testing", "--Bootstrap:Users:0:Type=owner",
            "--Bootstrap:Users:0:Email=tester@example.org",
            "--Bootstrap:Users:1:User=test:member", "--Bootstrap:Users:1:Key=member", "--Bootstrap:Users:1:Type=member",
            "--Bootstrap:Users:2:User=other:owner", "--Bootstrap:Users:2:Key=other", "--Bootstrap:Users:2:Type=owner",
            "--Logging:LogLevel:Default=Warning",
            // Tests make many users; the production cost is for attackers, not for them.
            "--AccountServer:PasswordIterations=1000",
            .. extra,
        ];
        var app = AccountServerApp.Build(args, services =>
        {
            if (time is not null)
            {
                services.AddSingleton(time);
            }
        });
        await app.PrepareAsync();
        await app.StartAsync();
        return new AccountServerHost(app, new Uri(app.Urls.First()));
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
