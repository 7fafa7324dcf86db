using System.Net;
using System.Text.Json.Nodes;
using CloudFs.Catalog;
using CloudFs.IntegrationTests.Hosting;

namespace CloudFs.IntegrationTests.AccountServer;

/// <summary>/recon/journal shows the commits waiting for the database, and zero once they are replayed.</summary>
public sealed class JournalReconTests
{
    [Test]
    public async Task ReconJournal_CountsJournaledCommitsUntilReplayed()
    {
        await using var db = await PrivateMariaDb.StartAsync();
        await db.CreateDatabaseAsync("recon");
        using var dir = new TempDirectory();
        var catalog = new CatalogOptions { Provider = CatalogProvider.MySql, ConnectionString = db.ConnectionString("recon") };
        await using var host = await AccountServerHost.StartAsync(catalog, Path.Combine(dir.Path, "account"), "--AccountServer:JournalReplaySeconds=1");
        using (var container = await SendAsync(host.Client, HttpMethod.Put, "/d1/0/AUTH_test/c"))
        {
            Assert.That(container.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        }

        var before = await PendingAsync(host.Client);
        db.Stop();
        for (var i = 0; i < 3; i++)
        {
            using var commit = await SendAsync(host.Client, HttpMethod.Put, $"/d1/0/AUTH_test/c/o{i}", Backend.Commit(Backend.NewBlobId(), 1));
            Assert.That(commit.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        }

        var during = await PendingAsync(host.Client);
        await db.StartAgainAsync();
        await Wait.UntilAsync(async () => await PendingAsync(host.Client) == 0, "the journal is replayed", TimeSpan.FromSeconds(60));

        var after = await PendingAsync(host.Client);

        Assert.Multiple(() =>
        {
            Assert.That(before, Is.Zero);
            Assert.That(during, Is.EqualTo(3), "three commits journaled while the database was down");
            Assert.That(after, Is.Zero, "replayed once the database answered");
        });
    }

    private static async Task<long> PendingAsync(HttpClient client)
    {
        var body = await client.GetStringAsync("/recon/journal");
        return (long)JsonNode.Parse(body)!["pending"]!;
    }

    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, HttpMethod method, string path, params (string, string)[] headers)
    {
        using var request = Backend.Request(method, path, Backend.Owner, headers);
        return await client.SendAsync(request);
    }
}
