using System.Net;
using System.Text.Json.Nodes;
using CloudFs.Catalog;
using CloudFs.IntegrationTests.Hosting;
using Dapper;
using MySqlConnector;

namespace CloudFs.IntegrationTests.AccountServer;

/// <summary>Commits taken while MariaDB is down are journaled and replayed, in order, once it is back.</summary>
public sealed class JournalTests
{
    private PrivateMariaDb _db = null!;
    private TempDirectory _dir = null!;
    private CatalogOptions _catalog = null!;

    [SetUp]
    public async Task StartDatabaseAsync()
    {
        _db = await PrivateMariaDb.StartAsync();
        await _db.CreateDatabaseAsync("journal");
        _dir = new TempDirectory();
        _catalog = new CatalogOptions { Provider = CatalogProvider.MySql, ConnectionString = _db.ConnectionString("journal") };
    }

    [TearDown]
    public async Task StopDatabaseAsync()
    {
        await _db.DisposeAsync();
        _dir.Dispose();
    }

    [Test]
    public async Task Commit_DatabaseDown_IsJournaledAndReplayedWhenItReturns()
    {
        await using var host = await AccountServerHost.StartAsync(_catalog, Path.Combine(_dir.Path, "account"), "--AccountServer:JournalReplaySeconds=1");
        await PutContainerAsync(host.Client);
        _db.Stop();

        for (var i = 0; i < 5; i++)
        {
            using var response = await CommitAsync(host.Client, $"o{i}", 10 + i);
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created));
            Assert.That((bool?)JsonNode.Parse(await response.Content.ReadAsStringAsync())!["journaled"], Is.True);
        }

        using (var admit = await SendAsync(host.Client, HttpMethod.Post, "/admit/d1/0/AUTH_test/c/x", ("X-Backend-Content-Length", "1")))
        {
            Assert.That(admit.StatusCode, Is.EqualTo(HttpStatusCode.ServiceUnavailable), "no admission on a guess");
        }

        await _db.StartAgainAsync();

        await WaitForAsync(async () => await CountObjectsAsync() == 5);
        Assert.That(await UsedBytesAsync(), Is.EqualTo(10 + 11 + 12 + 13 + 14));
    }

    [Test]
    public async Task Journal_SurvivesARestartOfTheAccountServer()
    {
        var dataDir = Path.Combine(_dir.Path, "account");
        await using (var host = await AccountServerHost.StartAsync(_catalog, dataDir, "--AccountServer:JournalReplaySeconds=1"))
        {
            await PutContainerAsync(host.Client);
            _db.Stop();
            using var first = await CommitAsync(host.Client, "a", 1);
            using var second = await CommitAsync(host.Client, "a", 2);
            Assert.That(first.StatusCode, Is.EqualTo(HttpStatusCode.Created));
            Assert.That(second.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        }

        await _db.StartAgainAsync();
        await using var restarted = await AccountServerHost.StartAsync(_catalog, dataDir, "--AccountServer:JournalReplaySeconds=1");

        await WaitForAsync(async () => await UsedBytesAsync() == 2);
        Assert.That(await CountObjectsAsync(), Is.EqualTo(1), "the later write of one name wins, replayed in order");
    }

    private static async Task PutContainerAsync(HttpClient client)
    {
        using var response = await SendAsync(client, HttpMethod.Put, "/d1/0/AUTH_test/c");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created));
    }

    private static Task<HttpResponseMessage> CommitAsync(HttpClient client, string name, long size) =>
        SendAsync(client, HttpMethod.Put, $"/d1/0/AUTH_test/c/{name}", Backend.Commit(Backend.NewBlobId(), size));

    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, HttpMethod method, string path, params (string, string)[] headers)
    {
        using var request = Backend.Request(method, path, Backend.Owner, headers);
        return await client.SendAsync(request);
    }

    private async Task<long> CountObjectsAsync()
    {
        await using var connection = new MySqlConnection(_catalog.ConnectionString);
        return await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM stobj WHERE type = 'object'");
    }

    private async Task<long> UsedBytesAsync()
    {
        await using var connection = new MySqlConnection(_catalog.ConnectionString);
        return await connection.ExecuteScalarAsync<long>("SELECT used_bytes FROM quota q JOIN stobj s ON s.id = q.stobj_id WHERE s.type = 'container'");
    }

    private static async Task WaitForAsync(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            try
            {
                if (await condition())
                {
                    return;
                }
            }
            catch (MySqlException)
            {
                // The database is still coming back.
            }

            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail("journal was not replayed within 60 s");
            }

            await Task.Delay(300);
        }
    }
}
