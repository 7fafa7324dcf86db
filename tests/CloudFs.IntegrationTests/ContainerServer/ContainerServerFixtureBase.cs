using CloudFs.Catalog;
using CloudFs.IntegrationTests.Catalog;

namespace CloudFs.IntegrationTests.ContainerServer;

/// <summary>
/// A fresh catalog per test (MariaDB and SQLite, from <see cref="CatalogFixtureBase"/>),
/// seeded by the test, and a container server started on it on demand (after migrating it).
/// </summary>
public abstract class ContainerServerFixtureBase(CatalogProvider provider) : CatalogFixtureBase(provider)
{
    private ContainerServerProcess? _server;

    protected const string User = "user";
    protected const string Admin = "admin";

    /// <summary>Extra command-line settings of the container server (e.g. storage policies).</summary>
    protected virtual string[] ServerArgs => [];

    internal async Task<CatalogSeeder> SeedAsync() => await CatalogSeeder.OpenAsync(Options);

    // The container server does not migrate (the account server does), so the test does it
    // first, as a deployment's account server would have.
    protected async Task<HttpClient> ServerAsync()
    {
        if (_server is null)
        {
            await CatalogSeeder.MigrateAsync(Options);
            _server = await ContainerServerProcess.StartAsync(Options, ServerArgs);
        }

        return _server.Client;
    }

    protected async Task<HttpResponseMessage> GetAsync(string url, string userType = User, HttpMethod? method = null)
    {
        var client = await ServerAsync();
        using var request = new HttpRequestMessage(method ?? HttpMethod.Get, url);
        request.Headers.TryAddWithoutValidation("X-Backend-User-Type", userType);
        return await client.SendAsync(request);
    }

    protected async Task<string> BodyAsync(string url, string userType = User)
    {
        using var response = await GetAsync(url, userType);
        return await response.Content.ReadAsStringAsync();
    }

    [TearDown]
    public async Task StopServerAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
            _server = null;
        }
    }
}
