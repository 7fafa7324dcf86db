using System.Net;
using CloudFs.Catalog;
using CloudFs.IntegrationTests.Catalog;
using Dapper;

namespace CloudFs.IntegrationTests.AccountServer;

/// <summary>A fresh catalog (MariaDB and SQLite) with an account server in process for every test.</summary>
public abstract class AccountServerTestBase(CatalogProvider provider) : CatalogFixtureBase(provider)
{
    protected AccountServerHost Host { get; private set; } = null!;

    protected HttpClient Client => Host.Client;

    protected virtual string[] ExtraArgs => [];

    [SetUp]
    public async Task StartServerAsync() =>
        Host = await AccountServerHost.StartAsync(Options, Path.Combine(WorkDirectory, "account"), ExtraArgs);

    [TearDown]
    public async Task StopServerAsync() => await Host.DisposeAsync();

    protected async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, Backend.Identity who, params (string, string)[] headers)
    {
        using var request = Backend.Request(method, path, who, headers);
        return await Client.SendAsync(request);
    }

    protected async Task<HttpStatusCode> StatusAsync(HttpMethod method, string path, Backend.Identity who, params (string, string)[] headers)
    {
        using var response = await SendAsync(method, path, who, headers);
        return response.StatusCode;
    }

    protected async Task CreateContainerAsync(string container, params (string, string)[] headers) =>
        Assert.That(await StatusAsync(HttpMethod.Put, $"/d1/0/AUTH_test/{container}", Backend.Owner, headers), Is.EqualTo(HttpStatusCode.Created));

    protected async Task<HttpStatusCode> PutObjectAsync(string container, string name, long size, Backend.Identity? who = null, params (string, string)[] headers) =>
        await StatusAsync(HttpMethod.Put, $"/d1/0/AUTH_test/{container}/{name}", who ?? Backend.Owner, Backend.Commit(Backend.NewBlobId(), size, headers));

    protected async Task<T> ScalarAsync<T>(string sql, object? args = null)
    {
        await using var database = new CatalogDatabase(Options);
        await using var connection = await database.OpenConnectionAsync(CancellationToken.None);
        return (await connection.ExecuteScalarAsync<T>(sql, args))!;
    }

    protected async Task<IReadOnlyList<T>> QueryAsync<T>(string sql, object? args = null)
    {
        await using var database = new CatalogDatabase(Options);
        await using var connection = await database.OpenConnectionAsync(CancellationToken.None);
        return (await connection.QueryAsync<T>(sql, args)).ToList();
    }

    protected Task<long> UsedBytesAsync(string container) => ScalarAsync<long>(
        "SELECT q.used_bytes FROM quota q JOIN stobj s ON s.id = q.stobj_id WHERE s.type = 'container' AND s.name = @Name", new { Name = container });

    protected Task<long> UsedObjectsAsync(string container) => ScalarAsync<long>(
        "SELECT q.used_objects FROM quota q JOIN stobj s ON s.id = q.stobj_id WHERE s.type = 'container' AND s.name = @Name", new { Name = container });
}
