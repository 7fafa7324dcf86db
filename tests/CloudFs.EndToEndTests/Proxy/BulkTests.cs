using System.Net;
using System.Text.Json.Nodes;
using CloudFs.EndToEndTests.Cluster;

namespace CloudFs.EndToEndTests.Proxy;

/// <summary>
/// Swift's bulk middleware with real clients: <c>swift delete CONTAINER</c> (which switches to
/// <c>?bulk-delete</c> when /info advertises it) and archives made by GNU tar sent with curl to
/// <c>?extract-archive</c>, where every file is a PUT of its own (quotas apply to each).
/// </summary>
[Category("E2E")]
public class BulkTests
{
    private CloudFsCluster _cluster = null!;
    private string _token = "";

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _cluster = new CloudFsCluster();
        await _cluster.StartAsync();
        _token = (await ProxyHttp.LoginAsync(_cluster, "test:tester", "testing")).Token;
    }

    [OneTimeTearDown]
    public async Task StopAsync() => await _cluster.DisposeAsync();

    [Test]
    public async Task SwiftDelete_ContainerOfFiftyObjects_GoesThroughBulkDelete()
    {
        var source = Path.Combine(_cluster.Root, "many");
        Directory.CreateDirectory(source);
        for (var i = 0; i < 50; i++)
        {
            await File.WriteAllTextAsync(Path.Combine(source, $"f{i:D2} x.txt"), $"file {i}");
        }

        var upload = await ToolRunner.SwiftAsync(_cluster, _cluster.Root, "upload", "bulkdel", "many");
        Assert.That(upload.ExitCode, Is.EqualTo(0), upload.ToString());

        var delete = await ToolRunner.SwiftAsync(_cluster, _cluster.Root, "--debug", "delete", "bulkdel");

        Assert.That(delete.ExitCode, Is.EqualTo(0), delete.ToString());
        // The CLI logs each request it makes: the objects went in one bulk POST, not 50 DELETEs.
        Assert.That(delete.Error, Does.Contain("bulk-delete"), delete.ToString());
        Assert.That(delete.Error, Does.Not.Match(@"REQ: curl -i DELETE \S*/bulkdel/"), delete.ToString());
        Assert.That(delete.Output, Does.Contain("many/f00 x.txt").And.Contain("many/f49 x.txt"), delete.ToString());
        using var head = await ProxyHttp.SendAsync(_cluster, HttpMethod.Head, "/v1/AUTH_test/bulkdel", _token);
        Assert.That(head.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    [Test]
    public async Task ExtractArchive_AccountLevelTarGzFromGnuTar_CreatesContainersObjectsAndMetadata()
    {
        var source = Path.Combine(_cluster.Root, "tree");
        Directory.CreateDirectory(Path.Combine(source, "alpha", "sub"));
        Directory.CreateDirectory(Path.Combine(source, "beta"));
        await File.WriteAllTextAsync(Path.Combine(source, "alpha", "a.txt"), "alpha a");
        await File.WriteAllTextAsync(Path.Combine(source, "alpha", "sub", "b.json"), "{\"b\":1}");
        await File.WriteAllTextAsync(Path.Combine(source, "beta", "c.txt"), "beta c");
        await File.WriteAllTextAsync(Path.Combine(source, "top.txt"), "skipped: no container");
        var archive = Path.Combine(_cluster.Root, "tree.tar.gz");
        // ./-prefixed names and directory entries, as tar writes them; the xattr-style pax key becomes metadata.
        var tar = await ToolRunner.RunAsync("tar", ["--format=pax", "--pax-option=SCHILY.xattr.user.meta.color=blue", "-czf", archive, "-C", source, "."]);
        Assert.That(tar.ExitCode, Is.EqualTo(0), tar.ToString());

        var answer = await CurlExtractAsync(archive, "/v1/AUTH_test?extract-archive=tar.gz");

        Assert.That(answer["Response Status"]!.GetValue<string>(), Is.EqualTo("201 Created"), answer.ToJsonString());
        Assert.That(answer["Number Files Created"]!.GetValue<int>(), Is.EqualTo(3));
        Assert.That(answer["Errors"]!.AsArray(), Is.Empty);
        Assert.That(await GetTextAsync("/v1/AUTH_test/alpha/sub/b.json"), Is.EqualTo("{\"b\":1}"));
        Assert.That(await GetTextAsync("/v1/AUTH_test/beta/c.txt"), Is.EqualTo("beta c"));
        using var head = await ProxyHttp.SendAsync(_cluster, HttpMethod.Head, "/v1/AUTH_test/alpha/a.txt", _token);
        Assert.That(head.Headers.GetValues("X-Object-Meta-Color").Single(), Is.EqualTo("blue"));
        Assert.That(head.Content.Headers.ContentType!.MediaType, Is.EqualTo("text/plain"));
        Assert.That(await GetTextAsync("/v1/AUTH_test/alpha?format=json"), Does.Not.Contain("top.txt"));
    }

    [Test]
    public async Task ExtractArchive_Bz2IntoPrefixPastTheContainerQuota_StoresWhatFitsAndListsTheRest()
    {
        using (var put = await ProxyHttp.SendAsync(_cluster, HttpMethod.Put, "/v1/AUTH_test/quota", _token, headers: new Dictionary<string, string> { ["X-Container-Meta-Quota-Count"] = "1" }))
        {
            Assert.That((int)put.StatusCode, Is.EqualTo(201));
        }

        var source = Path.Combine(_cluster.Root, "two");
        Directory.CreateDirectory(source);
        await File.WriteAllTextAsync(Path.Combine(source, "1.txt"), "one");
        await File.WriteAllTextAsync(Path.Combine(source, "2.txt"), "two");
        var archive = Path.Combine(_cluster.Root, "two.tar.bz2");
        var tar = await ToolRunner.RunAsync("tar", ["-cjf", archive, "-C", source, "1.txt", "2.txt"]);
        Assert.That(tar.ExitCode, Is.EqualTo(0), tar.ToString());

        var answer = await CurlExtractAsync(archive, "/v1/AUTH_test/quota/pre?extract-archive=tar.bz2");

        Assert.That(answer["Response Status"]!.GetValue<string>(), Is.EqualTo("400 Bad Request"), answer.ToJsonString());
        Assert.That(answer["Number Files Created"]!.GetValue<int>(), Is.EqualTo(1));
        Assert.That(answer["Errors"]!.ToJsonString(), Is.EqualTo("[[\"quota/pre/2.txt\",\"413 Request Entity Too Large\"]]"));
        Assert.That(await GetTextAsync("/v1/AUTH_test/quota"), Is.EqualTo("pre/1.txt\n"));
    }

    private async Task<JsonNode> CurlExtractAsync(string archive, string path)
    {
        var curl = await ToolRunner.RunAsync("curl", ["-sS", "-X", "PUT", "-T", archive, "-H", "X-Auth-Token: " + _token,
            "-H", "Accept: application/json", _cluster.Url("proxy", path).ToString()]);
        Assert.That(curl.ExitCode, Is.EqualTo(0), curl.ToString());
        return JsonNode.Parse(curl.Output)!;
    }

    private async Task<string> GetTextAsync(string path)
    {
        using var response = await ProxyHttp.SendAsync(_cluster, HttpMethod.Get, path, _token);
        Assert.That((int)response.StatusCode, Is.EqualTo(200), path);
        return await response.Content.ReadAsStringAsync();
    }
}
