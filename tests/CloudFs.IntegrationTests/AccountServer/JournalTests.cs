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

    [Test]
    public async Task Replay_ConsumesTheReservationTheCommitNamed()
    {
        await using var host = await AccountServerHost.StartAsync(_catalog, Path.Combine(_dir.Path, "account"), "--AccountServer:JournalReplaySeconds=1");
        // A quota, so the admission holds room (without one there is nothing to reserve).
        await PutContainerAsync(host.Client, ("X-Container-Meta-Quota-Bytes", "1000"));
        var reservation = await AdmitAsync(host.Client, "o", 7);
        Assert.That(await ReservedBytesAsync(), Is.EqualTo(7));
        _db.Stop();

        using (var response = await SendAsync(host.Client, HttpMethod.Put, "/d1/0/AUTH_test/c/o",
            Backend.Commit(Backend.NewBlobId(), 7, ("X-Backend-Reservation", reservation))))
        {
            Assert.That((bool?)JsonNode.Parse(await response.Content.ReadAsStringAsync())!["journaled"], Is.True);
        }

        await _db.StartAgainAsync();

        await WaitForAsync(async () => await CountObjectsAsync() == 1);
        Assert.That(await ReservedBytesAsync(), Is.Zero, "the replayed commit took its reservation, as a live one does");
        Assert.That(await ScalarAsync("SELECT COUNT(*) FROM reservation"), Is.Zero);
    }

    [Test]
    public async Task Replay_RefusedCommit_ReleasesTheReservationAndQueuesTheBlob()
    {
        await using var host = await AccountServerHost.StartAsync(_catalog, Path.Combine(_dir.Path, "account"), "--AccountServer:JournalReplaySeconds=1");
        await PutContainerAsync(host.Client);
        using (var newer = await SendAsync(host.Client, HttpMethod.Put, "/d1/0/AUTH_test/c/o", Backend.Commit(Backend.NewBlobId(), 1, ("X-Timestamp", "2000000000.00000"))))
        {
            Assert.That(newer.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        }

        var reservation = await AdmitAsync(host.Client, "o", 9);
        _db.Stop();
        var loser = Backend.NewBlobId();
        using (var response = await SendAsync(host.Client, HttpMethod.Put, "/d1/0/AUTH_test/c/o",
            Backend.Commit(loser, 9, ("X-Backend-Reservation", reservation), ("X-Timestamp", "1900000000.00000"))))
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), "journaled: the race is decided on replay");
        }

        await _db.StartAgainAsync();

        await WaitForAsync(async () => await ScalarAsync("SELECT COUNT(*) FROM garbage WHERE blob_id = '" + loser + "'") == 1);
        Assert.That(await ReservedBytesAsync(), Is.Zero, "the lost race released its room");
        Assert.That(await ScalarAsync("SELECT COUNT(*) FROM reservation"), Is.Zero);
    }

    [Test]
    public async Task Abandon_DatabaseDown_IsJournaledAndFreesTheRoomAndQueuesTheBlobsOnReplay()
    {
        await using var host = await AccountServerHost.StartAsync(_catalog, Path.Combine(_dir.Path, "account"), "--AccountServer:JournalReplaySeconds=1");
        await PutContainerAsync(host.Client, ("X-Container-Meta-Quota-Bytes", "1000"));
        var reservation = await AdmitAsync(host.Client, "o", 40);
        _db.Stop();
        var (first, second) = (Backend.NewBlobId(), Backend.NewBlobId());

        using (var request = Backend.Request(HttpMethod.Post, "/abandon/d1/0/AUTH_test/c/o", Backend.Owner))
        {
            request.Content = new StringContent($"{{\"reservation\":\"{reservation}\",\"blob_ids\":[\"{first}\",\"{second}\"]}}");
            using var response = await host.Client.SendAsync(request);
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NoContent), "taken into the journal, not refused");
        }

        using (var recon = await host.Client.GetAsync("/recon/journal"))
        {
            Assert.That((long?)JsonNode.Parse(await recon.Content.ReadAsStringAsync())!["pending"], Is.EqualTo(1));
        }

        await _db.StartAgainAsync();

        await WaitForAsync(async () => await ScalarAsync($"SELECT COUNT(*) FROM garbage WHERE blob_id IN ('{first}', '{second}')") == 2);
        Assert.That(await ReservedBytesAsync(), Is.Zero, "the abandoned upload's room is free again");
        Assert.That(await ScalarAsync("SELECT COUNT(*) FROM reservation"), Is.Zero);
    }

    [Test]
    public async Task Replay_CorruptMiddleLine_IsSetAsideAndTheEntriesAfterItAreReplayed()
    {
        var dataDir = Path.Combine(_dir.Path, "account");
        string journalFile;
        await using (var host = await AccountServerHost.StartAsync(_catalog, dataDir, "--AccountServer:JournalReplaySeconds=1"))
        {
            await PutContainerAsync(host.Client);
            _db.Stop();
            for (var i = 0; i < 3; i++)
            {
                using var response = await CommitAsync(host.Client, $"o{i}", 10 + i);
                Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created));
            }

            journalFile = Directory.GetFiles(dataDir, "pending.jsonl", SearchOption.AllDirectories).Single();
        }

        // Damage the middle entry on disk, as a bad sector or a stray write would.
        var lines = await File.ReadAllLinesAsync(journalFile);
        Assert.That(lines, Has.Length.EqualTo(3));
        lines[1] = lines[1][..(lines[1].Length / 2)] + "#damaged";
        await File.WriteAllTextAsync(journalFile, string.Join("\n", lines) + "\n");
        await _db.StartAgainAsync();

        await using var restarted = await AccountServerHost.StartAsync(_catalog, dataDir, "--AccountServer:JournalReplaySeconds=1");

        await WaitForAsync(async () => await CountObjectsAsync() == 2);
        Assert.That(await UsedBytesAsync(), Is.EqualTo(10 + 12), "o0 and o2, the intact entries on both sides of the bad one");
        Assert.That(await File.ReadAllLinesAsync(journalFile + ".corrupt"), Has.Length.EqualTo(1));
        using var recon = await restarted.Client.GetAsync("/recon/journal");
        var body = JsonNode.Parse(await recon.Content.ReadAsStringAsync())!;
        Assert.That((long?)body["corrupt_lines"], Is.EqualTo(1));
    }

    private static async Task<string> AdmitAsync(HttpClient client, string name, long length)
    {
        using var response = await SendAsync(client, HttpMethod.Post, $"/admit/d1/0/AUTH_test/c/{name}", ("X-Backend-Content-Length", length.ToString()));
        var text = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), text);
        return (string)JsonNode.Parse(text)!["reservation"]!;
    }

    private Task<long> ReservedBytesAsync() => ScalarAsync("SELECT q.reserved_bytes FROM quota q JOIN stobj s ON s.id = q.stobj_id WHERE s.type = 'container'");

    private async Task<long> ScalarAsync(string sql)
    {
        await using var connection = new MySqlConnection(_catalog.ConnectionString);
        return await connection.ExecuteScalarAsync<long>(sql);
    }

    private static async Task PutContainerAsync(HttpClient client, params (string, string)[] headers)
    {
        using var response = await SendAsync(client, HttpMethod.Put, "/d1/0/AUTH_test/c", headers);
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
