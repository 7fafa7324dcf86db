using System.Net;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using CloudFs.EndToEndTests.Cluster;
using CloudFs.EndToEndTests.Proxy;
using Dapper;
using MySqlConnector;

namespace CloudFs.EndToEndTests.Extensions;

/// <summary>
/// Deletes raced against copies (X-Copy-From, COPY, MOVE) while the collector runs every second
/// with no grace period: whatever wins each race, the collector never frees a blob a row still
/// names, and every object left reads back byte-identical.
/// </summary>
[Category("E2E")]
public class DeleteCopyRaceTests : MariaDbTestBase
{
    private const int Sources = 60;
    private static int _copiesWon;

    [Test]
    public async Task DeletesRacingCopies_CollectorNeverFreesANamedBlob()
    {
        _copiesWon = 0;
        await using var cluster = new CloudFsCluster(ConnectionString);
        await cluster.StartAsync(new Dictionary<string, string>
        {
            ["CLOUDFS_ObjectServer__GarbageIntervalSeconds"] = "1",
            ["CLOUDFS_AccountServer__GarbageGraceSeconds"] = "0",
        });
        var (token, _) = await ProxyHttp.LoginAsync(cluster, "test:tester", "testing");
        (await ProxyHttp.SendAsync(cluster, HttpMethod.Put, "/v1/AUTH_test/c", token)).Dispose();
        var expected = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        for (var i = 0; i < Sources; i++)
        {
            var body = RandomNumberGenerator.GetBytes(1000 + i);
            using var put = await ProxyHttp.SendAsync(cluster, HttpMethod.Put, $"/v1/AUTH_test/c/src{i}", token, new ByteArrayContent(body));
            Assert.That(put.StatusCode, Is.EqualTo(HttpStatusCode.Created));
            expected[$"src{i}"] = body;
        }

        // Each source: its delete and a copy (or move) started together; then, for half of them,
        // a copy of the last name of the blob races that name's delete.
        var outcomes = await Task.WhenAll(Enumerable.Range(0, Sources).Select(i => RaceAsync(cluster, token, i)));
        foreach (var (name, source) in outcomes.SelectMany(o => o))
        {
            expected[name] = expected[source];
        }

        // Several collector passes after the last write: every queued blob nobody names is gone.
        await Wait.UntilAsync(async () => !(await UnnamedQueuedAsync()).Any(id => ProxyHttp.BlobFiles(cluster).Any(f => f.Contains(id, StringComparison.Ordinal))),
            "the collector has freed every unnamed queued blob", TimeSpan.FromSeconds(60));
        var passes = await CollectorPassesAsync(cluster);
        await Wait.UntilAsync(async () => await CollectorPassesAsync(cluster) >= passes + 2, "two more collector passes", TimeSpan.FromSeconds(60));

        var named = (await QueryAsync("SELECT DISTINCT blob_id FROM stobj WHERE blob_id IS NOT NULL AND type = 'object'")).ToList();
        var files = ProxyHttp.BlobFiles(cluster);
        var lost = named.Where(id => !files.Any(f => f.Contains(id, StringComparison.Ordinal))).ToList();
        Assert.That(lost, Is.Empty, "every blob a row names is still on disk");

        using var listing = await ProxyHttp.SendAsync(cluster, HttpMethod.Get, "/v1/AUTH_test/c?format=json", token);
        var names = JsonNode.Parse(await listing.Content.ReadAsStringAsync())!.AsArray().Select(n => (string)n!["name"]!).ToList();
        var identical = 0;
        foreach (var name in names)
        {
            using var get = await ProxyHttp.SendAsync(cluster, HttpMethod.Get, $"/v1/AUTH_test/c/{name}", token);
            Assert.That(get.StatusCode, Is.EqualTo(HttpStatusCode.OK), name);
            Assert.That(expected.TryGetValue(name, out var want), Is.True, $"{name} was never written");
            if ((await get.Content.ReadAsByteArrayAsync()).AsSpan().SequenceEqual(want))
            {
                identical++;
            }
        }

        TestContext.Out.WriteLine($"{identical} of {names.Count} objects read back byte-identical after {Sources} delete/copy races ({_copiesWon} copies won)");
        Assert.That(names.Count(n => n.StartsWith("keep", StringComparison.Ordinal)), Is.EqualTo(Sources / 2), "copies made before the races, never deleted");
        Assert.That(identical, Is.EqualTo(names.Count));
    }

    // One source's races; the names they may have created, each with the source whose bytes it must hold.
    private static async Task<List<(string Name, string Source)>> RaceAsync(CloudFsCluster cluster, string token, int i)
    {
        var source = $"src{i}";
        // A copy made before any race shares the source's blob: the source's delete queues a blob
        // a row still names, which the collector must leave alone.
        var keep = $"keep{i}";
        Assert.That(await Send(cluster, HttpMethod.Put, $"/v1/AUTH_test/c/{keep}", token, ("X-Copy-From", $"c/{source}")), Is.EqualTo(HttpStatusCode.Created));

        var first = $"copy{i}";
        var copy = (i % 3) switch
        {
            0 => Send(cluster, HttpMethod.Put, $"/v1/AUTH_test/c/{first}", token, ("X-Copy-From", $"c/{source}")),
            1 => Send(cluster, new HttpMethod("COPY"), $"/v1/AUTH_test/c/{source}", token, ("Destination", $"c/{first}")),
            _ => Send(cluster, new HttpMethod("MOVE"), $"/v1/AUTH_test/c/{source}", token, ("Destination", $"c/{first}")),
        };
        var statuses = await Task.WhenAll(copy, Send(cluster, HttpMethod.Delete, $"/v1/AUTH_test/c/{source}", token));
        Assert.That(statuses[0], Is.AnyOf(HttpStatusCode.Created, HttpStatusCode.NotFound), $"copy of {source}");
        Assert.That(statuses[1], Is.AnyOf(HttpStatusCode.NoContent, HttpStatusCode.NotFound), $"delete of {source}");
        if (statuses[0] == HttpStatusCode.Created)
        {
            Interlocked.Increment(ref _copiesWon);
        }

        // Odd sources: the last name of the blob is deleted while a copy of it is made.
        if (i % 2 == 1)
        {
            var again = await Task.WhenAll(
                Send(cluster, HttpMethod.Put, $"/v1/AUTH_test/c/again{i}", token, ("X-Copy-From", $"c/{keep}")),
                Send(cluster, HttpMethod.Delete, $"/v1/AUTH_test/c/{keep}", token),
                Send(cluster, HttpMethod.Delete, $"/v1/AUTH_test/c/{first}", token));
            Assert.That(again[0], Is.AnyOf(HttpStatusCode.Created, HttpStatusCode.NotFound), $"copy of {keep}");
            if (again[0] == HttpStatusCode.Created)
            {
                Interlocked.Increment(ref _copiesWon);
            }
        }

        return [(keep, source), (first, source), ($"again{i}", source)];
    }

    private static async Task<HttpStatusCode> Send(CloudFsCluster cluster, HttpMethod method, string path, string token, params (string Name, string Value)[] headers)
    {
        using var response = await ProxyHttp.SendAsync(cluster, method, path, token, method == HttpMethod.Put ? new ByteArrayContent([]) : null,
            headers.ToDictionary(h => h.Name, h => h.Value));
        return response.StatusCode;
    }

    // Collector passes show in the account server's request log: each starts with a claim.
    private static Task<int> CollectorPassesAsync(CloudFsCluster cluster) =>
        Task.FromResult(cluster.Server("account").ReadLog().Split('\n').Count(l => l.Contains("/garbage/claim", StringComparison.Ordinal)));

    private Task<IEnumerable<string>> UnnamedQueuedAsync() => QueryAsync("""
        SELECT g.blob_id FROM garbage g
        WHERE NOT EXISTS (SELECT 1 FROM stobj s WHERE s.blob_id = g.blob_id) AND NOT EXISTS (SELECT 1 FROM segment p WHERE p.blob_id = g.blob_id)
        """);

    private async Task<IEnumerable<string>> QueryAsync(string sql)
    {
        await using var connection = new MySqlConnection(ConnectionString);
        return (await connection.QueryAsync<string>(sql)).ToList();
    }
}
