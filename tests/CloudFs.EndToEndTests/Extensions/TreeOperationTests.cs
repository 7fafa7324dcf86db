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

        using var stop = new CancellationTokenSource();
        var views = new List<(int Src, int Dst)>();
        var reader = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                using var list = await Send(HttpMethod.Get, "/v1/AUTH_test/move?format=json&limit=10000");
                var names = JsonNode.Parse(await list.Content.ReadAsStringAsync())!.AsArray().Select(n => (string)n!["name"]!).ToList();
                views.Add((names.Count(n => n.StartsWith("src/")), names.Count(n => n.StartsWith("dst/"))));
            }
        });
        await Task.Delay(200);

        using var moved = await Send(HttpMethod.Parse("MOVE"), "/v1/AUTH_test/move/src/", ("Destination", "move/dst"));
        await Task.Delay(300);
        stop.Cancel();
        await reader;

        Assert.That(moved.StatusCode, Is.EqualTo(HttpStatusCode.Created), await moved.Content.ReadAsStringAsync());
        Assert.That((long?)JsonNode.Parse(await moved.Content.ReadAsStringAsync())!["objects"], Is.EqualTo(1000));
        Assert.That(views, Is.Not.Empty);
        Assert.That(views, Has.All.Matches<(int Src, int Dst)>(v => (v.Src == 1000 && v.Dst == 0) || (v.Src == 0 && v.Dst == 1000)));
        Assert.That(views[^1], Is.EqualTo((0, 1000)));
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

    private Task<HttpResponseMessage> Send(HttpMethod method, string path, params (string Name, string Value)[] headers) =>
        ProxyHttp.SendAsync(_cluster, method, path, _token, null, headers.ToDictionary(h => h.Name, h => h.Value));
}
