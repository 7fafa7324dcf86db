using System.Net;
using System.Text.Json.Nodes;
using CloudFs.EndToEndTests.Cluster;
using CloudFs.EndToEndTests.Proxy;

namespace CloudFs.EndToEndTests.Extensions;

/// <summary>MOVE, directory COPY, ?tree, ?search and ?records through the proxy.</summary>
[Category("E2E")]
public class TreeOperationTests
{
    private CloudFsCluster _cluster = null!;
    private string _token = "";

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _cluster = new CloudFsCluster();
        await _cluster.StartAsync();
        (_token, _) = await ProxyHttp.LoginAsync(_cluster, "test:tester", "testing");
    }

    [OneTimeTearDown]
    public async Task StopAsync() => await _cluster.DisposeAsync();

    [Test]
    public async Task Move_ThousandFileTreeWhileReading_NeverShowsAHalfMovedView()
    {
        await Send(HttpMethod.Put, "/v1/AUTH_test/move");
        await UploadTreeAsync("move", "src", 10, 10, 10);

        // Readers list the container in tight loops and note the phase when each read began and
        // ended: even = no MOVE in flight, odd = a MOVE sent and not yet answered. The tree is
        // moved back and forth until some read began while a MOVE was in flight, so the test
        // proves an overlap instead of hoping for one.
        var phase = 0;
        var views = new System.Collections.Concurrent.ConcurrentQueue<(int Began, int Ended, int Src, int Dst)>();
        using var stop = new CancellationTokenSource();
        var readers = Enumerable.Range(0, 3).Select(_ => Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                var began = Volatile.Read(ref phase);
                var (src, dst) = await CountsAsync("move");
                views.Enqueue((began, Volatile.Read(ref phase), src, dst));
            }
        })).ToList();

        var moves = new List<(string From, string To)>();
        const int MaxMoves = 21; // odd, so the tree ends up in dst
        var overlapped = false;
        while (true)
        {
            var (from, to) = moves.Count % 2 == 0 ? ("src", "dst") : ("dst", "src");
            Interlocked.Increment(ref phase);
            using var moved = await Send(HttpMethod.Parse("MOVE"), $"/v1/AUTH_test/move/{from}/", ("Destination", $"move/{to}"));
            var inFlight = Interlocked.Increment(ref phase) - 1;
            var answer = await moved.Content.ReadAsStringAsync();
            Assert.That(moved.StatusCode, Is.EqualTo(HttpStatusCode.Created), answer);
            Assert.That((long?)JsonNode.Parse(answer)!["objects"], Is.EqualTo(1000));
            moves.Add((from, to));
            overlapped |= views.Any(v => v.Began == inFlight);
            if ((overlapped && to == "dst") || moves.Count >= MaxMoves)
            {
                break;
            }
        }

        // One more read that began after the last MOVE was answered: the reader saw it end.
        var answered = Volatile.Read(ref phase);
        await Wait.UntilAsync(() => Task.FromResult(views.Any(v => v.Began == answered)), "a read begins after the last MOVE answered", TimeSpan.FromSeconds(30));
        await stop.CancelAsync();
        await Task.WhenAll(readers);

        var all = views.ToList();
        Assert.That(all.Where(v => v.Began % 2 == 1), Is.Not.Empty, $"no read overlapped any of {moves.Count} MOVEs in flight");
        Assert.That(all, Has.All.Matches<(int Began, int Ended, int Src, int Dst)>(v => (v.Src == 1000 && v.Dst == 0) || (v.Src == 0 && v.Dst == 1000)),
            "a listing showed a half-moved tree");
        Assert.That(all.Where(v => v.Began == answered).Select(v => (v.Src, v.Dst)), Has.All.EqualTo((0, 1000)));
        Assert.That(all.Where(v => v.Ended == 0).Select(v => (v.Src, v.Dst)), Has.All.EqualTo((1000, 0)));
        using var get = await Send(HttpMethod.Get, "/v1/AUTH_test/move/dst/d3/e4/f5");
        Assert.That(await get.Content.ReadAsStringAsync(), Is.EqualTo("src/d3/e4/f5"), "the body moved with its name, untouched");
    }

    [Test]
    public async Task Copy_Directory_SharesBlobsAndSurvivesDeletingTheOriginal()
    {
        await Send(HttpMethod.Put, "/v1/AUTH_test/copy");
        await UploadTreeAsync("copy", "orig", 2, 3, 4);
        var blobsBefore = ProxyHttp.BlobFiles(_cluster).Count;

        using var copied = await Send(HttpMethod.Parse("COPY"), "/v1/AUTH_test/copy/orig/", ("Destination", "copy/twin"));

        Assert.That(copied.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        Assert.That(ProxyHttp.BlobFiles(_cluster), Has.Count.EqualTo(blobsBefore), "no byte of object data copied");
        foreach (var name in new[] { "d0/e0/f0", "d1/e2/f3" })
        {
            using var delete = await Send(HttpMethod.Delete, $"/v1/AUTH_test/copy/orig/{name}");
            Assert.That(delete.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
            using var get = await Send(HttpMethod.Get, $"/v1/AUTH_test/copy/twin/{name}");
            Assert.That(await get.Content.ReadAsStringAsync(), Is.EqualTo($"orig/{name}"));
        }
    }

    [Test]
    public async Task Move_IntoItselfOrOverAnExistingName_Answers409()
    {
        await Send(HttpMethod.Put, "/v1/AUTH_test/conflict");
        await UploadTreeAsync("conflict", "a", 1, 1, 2);

        using var intoItself = await Send(HttpMethod.Parse("MOVE"), "/v1/AUTH_test/conflict/a/", ("Destination", "conflict/a/d0/inner"));
        using var overExisting = await Send(HttpMethod.Parse("MOVE"), "/v1/AUTH_test/conflict/a/d0/e0/f0", ("Destination", "conflict/a/d0/e0/f1"));
        using var otherAccount = await Send(HttpMethod.Parse("MOVE"), "/v1/AUTH_test/conflict/a/", ("Destination", "conflict/b"), ("Destination-Account", "AUTH_other"));

        Assert.That(intoItself.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
        Assert.That(overExisting.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
        Assert.That(otherAccount.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
    }

    [Test]
    public async Task TreeSearchAndRecords_AnswerThroughTheProxy()
    {
        await Send(HttpMethod.Put, "/v1/AUTH_test/find");
        await UploadTreeAsync("find", "docs", 2, 2, 3);

        using var tree = await Send(HttpMethod.Get, "/v1/AUTH_test/find?tree&path=docs&depth=2");
        var root = JsonNode.Parse(await tree.Content.ReadAsStringAsync())!;
        using var search = await Send(HttpMethod.Get, "/v1/AUTH_test?search&name=f2&container=find");
        var hits = JsonNode.Parse(await search.Content.ReadAsStringAsync())!["results"]!.AsArray();
        using var records = await Send(HttpMethod.Get, "/v1/AUTH_test?records&action=object.put&path=/find/&limit=5");
        var rows = JsonNode.Parse(await records.Content.ReadAsStringAsync())!.AsArray();

        Assert.That(tree.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((long?)root["objects"], Is.EqualTo(12));
        Assert.That(root["children"]!.AsArray(), Has.Count.EqualTo(2));
        Assert.That(hits.Select(h => (string)h!["name"]!), Is.EquivalentTo(new[] { "docs/d0/e0/f2", "docs/d0/e1/f2", "docs/d1/e0/f2", "docs/d1/e1/f2" }));
        Assert.That(rows, Has.Count.EqualTo(5));
        Assert.That(rows.Select(r => (string)r!["action"]!), Has.All.EqualTo("object.put"));
    }

    [Test]
    public async Task Extensions_OtherAccountsUser_Forbidden()
    {
        await using var cluster = new CloudFsCluster(extraUsers: [("other:owner", "other", "owner")]);
        await cluster.StartAsync();
        var (token, _) = await ProxyHttp.LoginAsync(cluster, "other:owner", "other");

        using var records = await ProxyHttp.SendAsync(cluster, HttpMethod.Get, "/v1/AUTH_test?records", token);
        using var admin = await ProxyHttp.SendAsync(cluster, HttpMethod.Get, "/admin/users", token);

        Assert.That(records.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That(admin.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
    }

    private async Task UploadTreeAsync(string container, string top, int d, int e, int f)
    {
        var names = from i in Enumerable.Range(0, d) from j in Enumerable.Range(0, e) from k in Enumerable.Range(0, f) select $"{top}/d{i}/e{j}/f{k}";
        await Parallel.ForEachAsync(names, new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (name, _) =>
        {
            using var put = await ProxyHttp.SendAsync(_cluster, HttpMethod.Put, $"/v1/AUTH_test/{container}/{name}", _token, new StringContent(name));
            Assert.That(put.StatusCode, Is.EqualTo(HttpStatusCode.Created), name);
        });
    }

    private async Task<(int Src, int Dst)> CountsAsync(string container)
    {
        using var list = await Send(HttpMethod.Get, $"/v1/AUTH_test/{container}?format=json&limit=10000");
        var names = JsonNode.Parse(await list.Content.ReadAsStringAsync())!.AsArray().Select(n => (string)n!["name"]!).ToList();
        return (names.Count(n => n.StartsWith("src/", StringComparison.Ordinal)), names.Count(n => n.StartsWith("dst/", StringComparison.Ordinal)));
    }

    private Task<HttpResponseMessage> Send(HttpMethod method, string path, params (string Name, string Value)[] headers) =>
        ProxyHttp.SendAsync(_cluster, method, path, _token, null, headers.ToDictionary(h => h.Name, h => h.Value));
}
