using System.Text.Json;
using CloudFs.EndToEndTests.Cluster;

namespace CloudFs.EndToEndTests.Proxy;

/// <summary>rclone's swift backend through the proxy: copy, check (MD5 of every file), lsjson, delete.</summary>
[Category("E2E")]
public class RcloneTests
{
    private CloudFsCluster _cluster = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _cluster = new CloudFsCluster();
        await _cluster.StartAsync();
    }

    [OneTimeTearDown]
    public async Task StopAsync() => await _cluster.DisposeAsync();

    [Test]
    public async Task CopyCheckLsjsonDelete_Tree_RoundTripsWithMatchingChecksums()
    {
        var source = TestTree.Create(Path.Combine(_cluster.Root, "rclone-src"));

        var copy = await RcloneAsync("copy", source, "cfs:backup");
        Assert.That(copy.ExitCode, Is.EqualTo(0), copy.ToString());

        var check = await RcloneAsync("check", source, "cfs:backup");
        Assert.That(check.ExitCode, Is.EqualTo(0), check.ToString());
        Assert.That(check.Error, Does.Contain("0 differences found"));

        var lsjson = await RcloneAsync("lsjson", "-R", "--hash", "cfs:backup");
        var listed = JsonDocument.Parse(lsjson.Output).RootElement.EnumerateArray()
            .Where(e => !e.GetProperty("IsDir").GetBoolean())
            .ToDictionary(e => e.GetProperty("Path").GetString()!, e => e.GetProperty("Hashes").GetProperty("md5").GetString());
        Assert.That(listed, Is.EqualTo(TestTree.Checksums(source)));

        var back = Path.Combine(_cluster.Root, "rclone-back");
        var down = await RcloneAsync("copy", "cfs:backup", back);
        Assert.That(down.ExitCode, Is.EqualTo(0), down.ToString());
        Assert.That(TestTree.Checksums(back), Is.EqualTo(TestTree.Checksums(source)));

        var delete = await RcloneAsync("delete", "cfs:backup");
        Assert.That(delete.ExitCode, Is.EqualTo(0), delete.ToString());
        var empty = await RcloneAsync("lsjson", "-R", "cfs:backup");
        Assert.That(JsonDocument.Parse(empty.Output).RootElement.GetArrayLength(), Is.Zero);
    }

    private Task<ToolRunner.Result> RcloneAsync(params string[] args) => ToolRunner.RcloneAsync(_cluster, args);
}
