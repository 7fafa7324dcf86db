using CloudFs.EndToEndTests.Cluster;

namespace CloudFs.EndToEndTests.Proxy;

/// <summary>
/// Symlinks through real clients: links are made with curl (the swift CLI cannot send
/// X-Symlink-Target on a zero-byte PUT), targets written and links read with the swift CLI,
/// on a real four-process cluster. Swift 2.30.1 answered each of these the same on this machine.
/// </summary>
[Category("E2E")]
public class SymlinkTests
{
    private const string Box = "links";
    private CloudFsCluster _cluster = null!;
    private string _work = "";
    private string _token = "";

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _cluster = new CloudFsCluster();
        await _cluster.StartAsync();
        _work = Path.Combine(_cluster.Root, "work");
        Directory.CreateDirectory(_work);
        _token = (await ProxyHttp.LoginAsync(_cluster, "test:tester", "testing")).Token;
        var created = await CurlAsync("PUT", "", "-H", "Content-Length: 0");
        Assert.That(created.Status, Is.EqualTo(201), created.Raw);
    }

    [OneTimeTearDown]
    public async Task StopAsync() => await _cluster.DisposeAsync();

    [Test]
    public async Task Link_IsFollowedByTheSwiftCli_AndShowsItselfWithSymlinkGet()
    {
        await UploadAsync("target.txt", "the target's body");
        var link = await LinkAsync("link.txt", $"{Box}/target.txt");

        var download = await ToolRunner.SwiftAsync(_cluster, _work, "download", Box, "link.txt", "-o", "-");
        var followed = await CurlAsync("GET", "/link.txt");
        var itself = await CurlAsync("HEAD", "/link.txt?symlink=get");
        var listing = await CurlAsync("GET", "?format=json&prefix=link");

        Assert.That(link.Status, Is.EqualTo(201), link.Raw);
        Assert.That(download.Output, Is.EqualTo("the target's body"), download.ToString());
        Assert.That(followed.Header("Content-Location"), Is.EqualTo($"/v1/AUTH_test/{Box}/target.txt"));
        Assert.That(itself.Header("X-Symlink-Target"), Is.EqualTo($"{Box}/target.txt"));
        Assert.That(itself.Header("Content-Type"), Is.EqualTo("application/symlink"));
        Assert.That(listing.Body, Does.Contain($"\"symlink_path\": \"/v1/AUTH_test/{Box}/target.txt\""));
    }

    [Test]
    public async Task StaticLink_IsBrokenByOverwritingItsTarget()
    {
        await UploadAsync("fixed.txt", "hello");
        var link = await LinkAsync("pinned.txt", $"{Box}/fixed.txt", "-H", "X-Symlink-Target-Etag: 5d41402abc4b2a76b9719d911017c592");
        var before = await ToolRunner.SwiftAsync(_cluster, _work, "download", Box, "pinned.txt", "-o", "-");

        await UploadAsync("fixed.txt", "changed");
        var after = await CurlAsync("GET", "/pinned.txt");
        var cli = await ToolRunner.SwiftAsync(_cluster, _work, "download", Box, "pinned.txt", "-o", "-");

        Assert.That(link.Status, Is.EqualTo(201), link.Raw);
        Assert.That(before.Output, Is.EqualTo("hello"), before.ToString());
        Assert.That(after.Status, Is.EqualTo(409), after.Raw);
        Assert.That(after.Body, Is.EqualTo("Object Etag '8977dfac2f8e04cb96e66882235f5aba' does not match X-Symlink-Target-Etag header '5d41402abc4b2a76b9719d911017c592'"));
        Assert.That(after.Header("Content-Location"), Is.EqualTo($"/v1/AUTH_test/{Box}/fixed.txt"));
        Assert.That(cli.ExitCode, Is.Not.EqualTo(0), cli.ToString());
    }

    [Test]
    public async Task StaticLink_ToAMissingOrDifferentTarget_IsRefused()
    {
        await UploadAsync("other.txt", "other");

        var missing = await LinkAsync("to-missing", $"{Box}/nope", "-H", "X-Symlink-Target-Etag: 5d41402abc4b2a76b9719d911017c592");
        var wrong = await LinkAsync("to-other", $"{Box}/other.txt", "-H", "X-Symlink-Target-Etag: 5d41402abc4b2a76b9719d911017c592");
        var gone = await CurlAsync("HEAD", "/to-missing");

        Assert.That((missing.Status, missing.Body), Is.EqualTo((409, "X-Symlink-Target does not exist")), missing.Raw);
        Assert.That(wrong.Status, Is.EqualTo(409), wrong.Raw);
        Assert.That(gone.Status, Is.EqualTo(404), "a refused link stores nothing");
    }

    [Test]
    public async Task Loop_Is409AfterTwoHops()
    {
        await LinkAsync("ping", $"{Box}/pong");
        await LinkAsync("pong", $"{Box}/ping");

        var get = await CurlAsync("GET", "/ping");
        var cli = await ToolRunner.SwiftAsync(_cluster, _work, "download", Box, "ping", "-o", "-");

        Assert.That((get.Status, get.Body), Is.EqualTo((409, "Too many levels of symbolic links, maximum allowed is 2")), get.Raw);
        Assert.That(cli.ExitCode, Is.Not.EqualTo(0), cli.ToString());
    }

    [Test]
    public async Task PostToLink_Is307ToTheTarget_AndDeleteRemovesOnlyTheLink()
    {
        await UploadAsync("kept.txt", "kept");
        await LinkAsync("to-kept", $"{Box}/kept.txt");

        var post = await CurlAsync("POST", "/to-kept", "-H", "X-Object-Meta-Color: blue");
        var delete = await ToolRunner.SwiftAsync(_cluster, _work, "delete", Box, "to-kept");
        var link = await CurlAsync("HEAD", "/to-kept");
        var target = await ToolRunner.SwiftAsync(_cluster, _work, "download", Box, "kept.txt", "-o", "-");

        Assert.That(post.Status, Is.EqualTo(307), post.Raw);
        Assert.That(post.Header("Location"), Is.EqualTo($"/v1/AUTH_test/{Box}/kept.txt"));
        Assert.That(delete.ExitCode, Is.EqualTo(0), delete.ToString());
        Assert.That(link.Status, Is.EqualTo(404));
        Assert.That(target.Output, Is.EqualTo("kept"));
    }

    private async Task UploadAsync(string name, string body)
    {
        var file = Path.Combine(_work, name);
        await File.WriteAllTextAsync(file, body);
        var upload = await ToolRunner.SwiftAsync(_cluster, _work, "upload", Box, name);
        Assert.That(upload.ExitCode, Is.EqualTo(0), upload.ToString());
    }

    private Task<CurlAnswer> LinkAsync(string name, string target, params string[] extra) =>
        CurlAsync("PUT", "/" + name, ["--data-binary", "", "-H", "Content-Type:", "-H", $"X-Symlink-Target: {target}", .. extra]);

    private async Task<CurlAnswer> CurlAsync(string method, string suffix, params string[] extra)
    {
        var url = _cluster.Url("proxy", $"/v1/AUTH_test/{Box}").ToString() + suffix;
        string[] verb = method == "HEAD" ? ["-I"] : ["-X", method];
        var run = await ToolRunner.RunAsync("curl", ["-s", "-i", .. verb, "-H", $"X-Auth-Token: {_token}", .. extra, url]);
        Assert.That(run.ExitCode, Is.EqualTo(0), run.ToString());
        return CurlAnswer.Parse(run.Output);
    }

    private sealed record CurlAnswer(int Status, IReadOnlyList<(string Name, string Value)> Headers, string Body, string Raw)
    {
        public string? Header(string name) => Headers.FirstOrDefault(h => h.Name.Equals(name, StringComparison.OrdinalIgnoreCase)).Value;

        public static CurlAnswer Parse(string raw)
        {
            var split = raw.IndexOf("\r\n\r\n", StringComparison.Ordinal);
            var head = (split < 0 ? raw : raw[..split]).Split("\r\n");
            var body = split < 0 ? "" : raw[(split + 4)..];
            var headers = head.Skip(1).Select(l => l.Split(':', 2)).Where(p => p.Length == 2).Select(p => (p[0].Trim(), p[1].Trim())).ToList();
            return new CurlAnswer(int.Parse(head[0].Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture), headers, body, raw);
        }
    }
}
