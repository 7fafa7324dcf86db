using CloudFs.EndToEndTests.Cluster;
using Dapper;
using MySqlConnector;

namespace CloudFs.EndToEndTests.Proxy;

/// <summary>The swift CLI round trip with the catalog on a real MariaDB.</summary>
[Category("E2E")]
public class MariaDbSwiftTests : MariaDbTestBase
{
    [Test]
    public async Task UploadListDownloadDelete_OnMariaDb_RoundTrips()
    {
        await using var cluster = new CloudFsCluster(ConnectionString);
        await cluster.StartAsync();
        var source = TestTree.Create(Path.Combine(cluster.Root, "src"));
        var target = Path.Combine(cluster.Root, "dst");
        Directory.CreateDirectory(target);

        var upload = await ToolRunner.SwiftAsync(cluster, source, "upload", "maria", ".");
        var list = await ToolRunner.SwiftAsync(cluster, cluster.Root, "list", "maria");
        var download = await ToolRunner.SwiftAsync(cluster, target, "download", "maria");
        var delete = await ToolRunner.SwiftAsync(cluster, cluster.Root, "delete", "maria");
        var after = await ToolRunner.SwiftAsync(cluster, cluster.Root, "list");

        Assert.That(upload.ExitCode, Is.EqualTo(0), upload.ToString());
        Assert.That(list.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries), Is.EqualTo(TestTree.Files.Order(StringComparer.Ordinal)), list.ToString());
        Assert.That(download.ExitCode, Is.EqualTo(0), download.ToString());
        Assert.That(TestTree.Checksums(target), Is.EqualTo(TestTree.Checksums(source)));
        Assert.That(delete.ExitCode, Is.EqualTo(0), delete.ToString());
        Assert.That(after.Output.Split('\n'), Does.Not.Contain("maria"));
    }
}
