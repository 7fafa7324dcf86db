using CloudFs.EndToEndTests.Cluster;

namespace CloudFs.EndToEndTests.Proxy;

/// <summary>The swift CLI (python-swiftclient) through the proxy of a real four-process cluster on SQLite.</summary>
[Category("E2E")]
public class SwiftCliTests
{
    private CloudFsCluster _cluster = null!;
    private string _work = "";

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _cluster = new CloudFsCluster();
        await _cluster.StartAsync();
        _work = Path.Combine(_cluster.Root, "work");
        Directory.CreateDirectory(_work);
    }

    [OneTimeTearDown]
    public async Task StopAsync() => await _cluster.DisposeAsync();

    [Test]
    public async Task Stat_Account_ShowsAccountAndCounts()
    {
        var stat = await ToolRunner.SwiftAsync(_cluster, _work, "stat");

        Assert.That(stat.ExitCode, Is.EqualTo(0), stat.ToString());
        Assert.That(stat.Output, Does.Contain("Account: AUTH_test"));
        Assert.That(stat.Output, Does.Match(@"Containers: \d+"));
    }

    [Test]
    public async Task Post_ContainerWithMetadata_ShowsInStat()
    {
        var post = await ToolRunner.SwiftAsync(_cluster, _work, "post", "-m", "color:blue", "meta-box");
        var stat = await ToolRunner.SwiftAsync(_cluster, _work, "stat", "meta-box");

        Assert.That(post.ExitCode, Is.EqualTo(0), post.ToString());
        Assert.That(stat.Output, Does.Contain("Meta Color: blue"), stat.ToString());
    }

    [Test]
    public async Task UploadListDownloadCopyDelete_Utf8Tree_RoundTrips()
    {
        var source = TestTree.Create(Path.Combine(_work, "src"));

        var upload = await ToolRunner.SwiftAsync(_cluster, source, "upload", "photos", ".");
        Assert.That(upload.ExitCode, Is.EqualTo(0), upload.ToString());

        var list = await ToolRunner.SwiftAsync(_cluster, _work, "list", "photos");
        Assert.That(list.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries), Is.EqualTo(TestTree.Files.Order(StringComparer.Ordinal)), list.ToString());

        var rolled = await ToolRunner.SwiftAsync(_cluster, _work, "list", "photos", "--prefix", "sub/", "--delimiter", "/");
        Assert.That(rolled.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries), Is.EqualTo(new[] { "sub/big.bin", "sub/dëep/" }), rolled.ToString());

        var target = Path.Combine(_work, "dst");
        Directory.CreateDirectory(target);
        var download = await ToolRunner.SwiftAsync(_cluster, target, "download", "photos");
        Assert.That(download.ExitCode, Is.EqualTo(0), download.ToString());
        Assert.That(TestTree.Checksums(target), Is.EqualTo(TestTree.Checksums(source)));

        var copy = await ToolRunner.SwiftAsync(_cluster, _work, "copy", "photos", "日本/ファイル.txt", "--destination", "/photos/copy of ファイル.txt");
        Assert.That(copy.ExitCode, Is.EqualTo(0), copy.ToString());
        var copied = await ToolRunner.SwiftAsync(_cluster, _work, "download", "photos", "copy of ファイル.txt", "-o", "-");
        Assert.That(copied.Output, Is.EqualTo("body of 日本/ファイル.txt"));

        var delete = await ToolRunner.SwiftAsync(_cluster, _work, "delete", "photos");
        Assert.That(delete.ExitCode, Is.EqualTo(0), delete.ToString());
        var after = await ToolRunner.SwiftAsync(_cluster, _work, "list");
        Assert.That(after.Output.Split('\n'), Does.Not.Contain("photos"), after.ToString());
    }
}
