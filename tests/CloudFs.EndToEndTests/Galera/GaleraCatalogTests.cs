using System.Net;
using CloudFs.Catalog;
using CloudFs.EndToEndTests.Cluster;
using Dapper;
using MySqlConnector;

namespace CloudFs.EndToEndTests.Galera;

/// <summary>
/// The catalog on a three-node MariaDB Galera cluster (issue 18), three CloudFs hosts whose
/// account and container servers each prefer their own node. Every server starts at once, so
/// three account servers migrate the schema through three nodes at the same moment.
/// </summary>
[Category("E2E")]
[Category("Galera")]
public class GaleraCatalogTests
{
    private GaleraCluster _galera = null!;
    private MultiHostCluster _cluster = null!;
    private long _owner;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _galera = await GaleraCluster.StartAsync();
        _cluster = new MultiHostCluster(_galera.CatalogFor(1), hostCatalog: _galera.CatalogFor,
            settings: new Dictionary<string, IReadOnlyDictionary<string, string>> { ["container"] = new Dictionary<string, string> { ["Catalog:SyncWait"] = "1" } });
        await _cluster.StartAsync();
        await using var connection = new MySqlConnection(_galera.CatalogFor(1));
        _owner = await connection.ExecuteScalarAsync<long>("SELECT id FROM user WHERE account = 'AUTH_test' AND username = 'tester'");
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        if (_cluster is not null)
        {
            await _cluster.DisposeAsync();
        }

        if (_galera is not null)
        {
            await _galera.DisposeAsync();
        }
    }

    [Test]
    public async Task ServersStartedAtOnceOnThreeNodes_MigrateTheSchemaOnce_AndEveryNodeHasIt()
    {
        var versions = new List<long>();
        for (var node = 1; node <= 3; node++)
        {
            await using var connection = new MySqlConnection(_galera.ServerConnectionString(node));
            versions.Add(await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM cloudfs.schema_version"));
        }

        var expected = Directory.GetFiles(Path.Combine(RepoPaths.Root, "Catalog", "Migrations"), "*.sql").Length;
        Assert.That(versions, Is.EqualTo(new long[] { expected, expected, expected }));
    }

    [Test]
    public async Task ThirtyTwoCommitsAgainstOneQuota_OverThreeAccountServersAndNodes_NeverExceedIt()
    {
        const int quota = 10;
        await CreateContainerAsync("quota", ("X-Container-Meta-Quota-Count", quota.ToString()));

        // Each commit goes straight to one of the three account servers, as three proxies would
        // send them: the quota row is updated through three nodes at once.
        var statuses = await Task.WhenAll(Enumerable.Range(0, 32).Select(i => CommitAsync((i % 3) + 1, "quota", $"o{i}")));

        var counts = statuses.GroupBy(s => s).ToDictionary(g => g.Key, g => g.Count());
        await TestContext.Out.WriteLineAsync("statuses: " + string.Join(", ", counts.Select(c => $"{(int)c.Key} ×{c.Value}")));
        var usage = await _cluster.CliAsync("usage-check", "AUTH_test");
        Assert.Multiple(async () =>
        {
            Assert.That(counts.GetValueOrDefault(HttpStatusCode.Created), Is.EqualTo(quota), "exactly the quota's worth stored");
            Assert.That(counts.GetValueOrDefault(HttpStatusCode.RequestEntityTooLarge), Is.EqualTo(32 - quota), "the rest refused as over quota");
            Assert.That(await ObjectRowsAsync("quota"), Is.EqualTo(quota));
            Assert.That(usage.Output, Does.Contain("usage counters match the rows"), usage.ToString());
        });
    }

    [Test]
    public async Task ObjectCommittedThroughOneNode_IsSeenAtOnceByTheOtherHostsContainerServers()
    {
        await CreateContainerAsync("ryw");
        var journaledBefore = await _cluster.JournaledAsync();
        var misses = new List<string>();
        for (var i = 0; i < 30; i++)
        {
            var name = $"o{i}";
            Assert.That(await CommitAsync(1, "ryw", name), Is.EqualTo(HttpStatusCode.Created));
            foreach (var host in new[] { 2, 3 })
            {
                var path = $"/d1/0/AUTH_test/ryw/{name}";
                using var resolve = await _cluster.Http.GetAsync(_cluster.Url("container", host, path));
                if (resolve.StatusCode != HttpStatusCode.OK)
                {
                    // Say what the miss was, and whether the row showed up a moment later (late)
                    // or not at all, so a failure tells a stale read from a refused one.
                    var body = await resolve.Content.ReadAsStringAsync();
                    await Task.Delay(500);
                    using var again = await _cluster.Http.GetAsync(_cluster.Url("container", host, path));
                    misses.Add($"host {host} {name}: {(int)resolve.StatusCode} {body.Trim()} (trans {(resolve.Headers.TryGetValues("X-Trans-Id", out var ids) ? ids.First() : "none")}), 0.5 s later {(int)again.StatusCode}");
                }
            }
        }

        var journaled = await _cluster.JournaledAsync() - journaledBefore;
        Assert.That(misses, Is.Empty,
            $"reads through the other nodes that missed a committed object (Catalog:SyncWait=1); commits journaled meanwhile: {journaled}");
    }

    [Test]
    public async Task AReusedConnection_StillWaitsForWhatAnotherNodeCommitted()
    {
        // MariaDB 10.11 drops a session's causal waits once the session was reset (Galera issue
        // 613), and MySqlConnector resets a pooled connection before it hands it out again: a
        // container server's second read on a connection read stale rows. Node 2 is held from
        // applying (FLUSH TABLES WITH READ LOCK) while node 1 commits, so a read that does not
        // wait returns the row missing at once, and one that waits returns it once node 2 goes on.
        await using (var setup = new MySqlConnection(_galera.ServerConnectionString(1)))
        {
            await setup.ExecuteAsync("CREATE DATABASE IF NOT EXISTS causal; CREATE TABLE IF NOT EXISTS causal.t (id INT PRIMARY KEY)");
        }

        await using var database = new CatalogDatabase(new CatalogOptions
        {
            Provider = CatalogProvider.MySql, ConnectionString = _galera.CatalogFor(2), SyncWait = 1,
        });
        long first;
        await using (var connection = await database.OpenConnectionAsync(CancellationToken.None))
        {
            first = await connection.ExecuteScalarAsync<long>("SELECT CONNECTION_ID()");
        }

        await using var hold = new MySqlConnection(_galera.ServerConnectionString(2));
        await hold.OpenAsync();
        await hold.ExecuteAsync("FLUSH TABLES WITH READ LOCK");
        Task<(long Session, long Rows)> read;
        try
        {
            await using (var writer = new MySqlConnection(_galera.ServerConnectionString(1)))
            {
                await writer.ExecuteAsync("INSERT INTO causal.t VALUES (1)");
            }

            read = ReadAsync();
            await Task.WhenAny(read, Task.Delay(TimeSpan.FromSeconds(1)));
        }
        finally
        {
            await hold.ExecuteAsync("UNLOCK TABLES");
        }

        var (session, rows) = await read;
        Assert.Multiple(() =>
        {
            Assert.That(session, Is.EqualTo(first), "the read ran on the pooled session, the case that lost its wait");
            Assert.That(rows, Is.EqualTo(1), "the row node 1 committed before the read began");
        });

        async Task<(long, long)> ReadAsync()
        {
            await using var connection = await database.OpenConnectionAsync(CancellationToken.None);
            var id = await connection.ExecuteScalarAsync<long>("SELECT CONNECTION_ID()");
            return (id, await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM causal.t WHERE id = 1"));
        }
    }

    private async Task CreateContainerAsync(string container, params (string Name, string Value)[] headers)
    {
        using var request = Backend(HttpMethod.Put, 1, $"/d1/0/AUTH_test/{container}", headers);
        using var response = await _cluster.Http.SendAsync(request);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), await response.Content.ReadAsStringAsync());
    }

    // The proxy's commit of an uploaded blob, as the account server takes it: the blob itself is not needed for the catalog's count.
    private async Task<HttpStatusCode> CommitAsync(int host, string container, string name)
    {
        using var request = Backend(HttpMethod.Put, host, $"/d1/0/AUTH_test/{container}/{name}",
            ("X-Backend-Blob-Id", Guid.CreateVersion7().ToString("N")), ("X-Backend-Etag", "d41d8cd98f00b204e9800998ecf8427e"), ("X-Backend-Size", "0"));
        using var response = await _cluster.Http.SendAsync(request);
        return response.StatusCode;
    }

    private HttpRequestMessage Backend(HttpMethod method, int host, string path, params (string Name, string Value)[] headers)
    {
        var request = new HttpRequestMessage(method, _cluster.Url("account", host, path));
        request.Headers.Add("X-Backend-User-Id", _owner.ToString(System.Globalization.CultureInfo.InvariantCulture));
        request.Headers.Add("X-Backend-User", "test:tester");
        request.Headers.Add("X-Backend-User-Type", "owner");
        foreach (var (name, value) in headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        return request;
    }

    private async Task<long> ObjectRowsAsync(string container)
    {
        await using var connection = new MySqlConnection(_galera.CatalogFor(2));
        return await connection.ExecuteScalarAsync<long>(
            "SELECT COUNT(*) FROM stobj o JOIN stobj c ON c.id = o.container_id WHERE o.type = 'object' AND c.type = 'container' AND c.name = @Name",
            new { Name = System.Text.Encoding.UTF8.GetBytes(container) });
    }
}
