using System.Text.Json.Nodes;
using CloudFs.EndToEndTests.Cluster;

namespace CloudFs.EndToEndTests.Proxy;

/// <summary>
/// Both versioning modes with real clients on SQLite: the swift CLI for the legacy stack mode
/// (three uploads, the archives listed, each DELETE restoring the one before) and curl for
/// object versioning (three PUTs, ?versions, an old version read by ?version-id=, restored and copied). Archiving
/// never copies bytes: the blob files grow by one per upload only.
/// </summary>
[Category("E2E")]
public sealed class VersioningTests
{
    [Test]
    public async Task BothModes_WithRealClients()
    {
        await using var cluster = new CloudFsCluster();
        await VersioningScenario.RunAsync(cluster);
    }
}

/// <summary>The same walk with the catalog on MariaDB.</summary>
[Category("E2E")]
public sealed class MariaDbVersioningTests : MariaDbTestBase
{
    [Test]
    public async Task BothModes_WithRealClients_OnMariaDb()
    {
        await using var cluster = new CloudFsCluster(ConnectionString);
        await VersioningScenario.RunAsync(cluster);
    }
}

public static class VersioningScenario
{
    public static async Task RunAsync(CloudFsCluster cluster)
    {
        await cluster.StartAsync();
        await LegacyStackModeAsync(cluster);
        await ObjectVersioningAsync(cluster);
    }

    private static async Task LegacyStackModeAsync(CloudFsCluster cluster)
    {
        var work = Directory.CreateTempSubdirectory("cloudfs-versions-").FullName;
        try
        {
            Ok(await ToolRunner.SwiftAsync(cluster, work, "post", "archive"));
            Ok(await ToolRunner.SwiftAsync(cluster, work, "post", "-H", "X-Versions-Location: archive", "docs"));
            var stat = await ToolRunner.SwiftAsync(cluster, work, "stat", "--lh", "docs");
            Assert.That(stat.Output, Does.Contain("X-Versions-Location: archive"), stat.ToString());

            var blobs = ProxyHttp.BlobFiles(cluster).Count;
            foreach (var text in (string[])["first", "second", "third"])
            {
                await File.WriteAllTextAsync(Path.Combine(work, "note.txt"), text);
                Ok(await ToolRunner.SwiftAsync(cluster, work, "upload", "docs", "note.txt"));
            }

            // Three bodies stored, no more: the two archives name the blobs the overwrites replaced.
            Assert.That(ProxyHttp.BlobFiles(cluster), Has.Count.EqualTo(blobs + 3));
            var archives = await ToolRunner.SwiftAsync(cluster, work, "list", "archive");
            var names = archives.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
            Assert.That(names, Has.Length.EqualTo(2), archives.ToString());
            Assert.That(names, Has.All.Match(@"^008note\.txt/\d{10}\.\d{5}$"));

            foreach (var expected in (string[])["second", "first"])
            {
                Ok(await ToolRunner.SwiftAsync(cluster, work, "delete", "docs", "note.txt"));
                var read = await ToolRunner.SwiftAsync(cluster, work, "download", "docs", "note.txt", "-o", "-");
                Assert.That(read.Output, Is.EqualTo(expected), read.ToString());
            }

            Assert.That((await ToolRunner.SwiftAsync(cluster, work, "list", "archive")).Output.Trim(), Is.Empty, "every archive restored");
            Ok(await ToolRunner.SwiftAsync(cluster, work, "delete", "docs", "note.txt"));
            var gone = await ToolRunner.SwiftAsync(cluster, work, "download", "docs", "note.txt", "-o", "-");
            Assert.That(gone.ExitCode, Is.Not.Zero, "the last DELETE had nothing to restore");
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    private static async Task ObjectVersioningAsync(CloudFsCluster cluster)
    {
        var (token, storageUrl) = await ProxyHttp.LoginAsync(cluster, "test:tester", "testing");
        var container = storageUrl + "/kept";
        Task<ToolRunner.Result> Curl(params string[] args) =>
            ToolRunner.RunAsync("curl", ["-s", "-i", "-H", "X-Auth-Token: " + token, .. args]);

        Assert.That(Status(await Curl("-X", "PUT", "-H", "X-Versions-Enabled: true", container)), Is.EqualTo(201));
        var blobs = ProxyHttp.BlobFiles(cluster).Count;
        var ids = new List<string>();
        foreach (var text in (string[])["v1", "v2", "v3"])
        {
            var put = await Curl("-X", "PUT", "--data-binary", text, container + "/o");
            Assert.That(Status(put), Is.EqualTo(201), put.ToString());
            ids.Add(Header(put, "X-Object-Version-Id") ?? throw new AssertionException("no version id: " + put));
        }

        Assert.That(ProxyHttp.BlobFiles(cluster), Has.Count.EqualTo(blobs + 3), "keeping a version moves no bytes");
        var listing = await Curl(container + "?versions&format=json");
        var versions = JsonNode.Parse(Body(listing))!.AsArray();
        Assert.That(versions.Select(v => (string)v!["version_id"]!), Is.EqualTo(Enumerable.Reverse(ids)), listing.ToString());
        Assert.That(versions.Select(v => (bool)v!["is_latest"]!), Is.EqualTo(new[] { true, false, false }));

        var old = await Curl(container + "/o?version-id=" + ids[0]);
        Assert.That((Status(old), Body(old), Header(old, "X-Object-Version-Id")), Is.EqualTo((200, "v1", ids[0])), old.ToString());
        var current = await Curl(container + "/o");
        Assert.That((Body(current), Header(current, "X-Object-Version-Id")), Is.EqualTo(("v3", ids[2])));

        // A DELETE leaves a marker; the versions stay readable; the container keeps them.
        var delete = await Curl("-X", "DELETE", container + "/o");
        Assert.That(Status(delete), Is.EqualTo(204), delete.ToString());
        Assert.That(Status(await Curl(container + "/o")), Is.EqualTo(404));
        Assert.That(Body(await Curl(container + "/o?version-id=" + ids[1])), Is.EqualTo("v2"));
        // An old version made current again (no body), and one copied out by its id.
        var restore = await Curl("-X", "PUT", "-H", "Content-Length: 0", container + "/o?version-id=" + ids[1]);
        Assert.That((Status(restore), Header(restore, "X-Object-Version-Id")), Is.EqualTo((201, ids[1])), restore.ToString());
        Assert.That(Body(await Curl(container + "/o")), Is.EqualTo("v2"));
        var copy = await Curl("-X", "COPY", "-H", "Destination: kept/copy", container + "/o?version-id=" + ids[0]);
        Assert.That(Status(copy), Is.EqualTo(201), copy.ToString());
        Assert.That(Body(await Curl(container + "/copy")), Is.EqualTo("v1"));
        Assert.That(ProxyHttp.BlobFiles(cluster), Has.Count.EqualTo(blobs + 3), "restoring and copying versions move no bytes");

        var refused = await Curl("-X", "DELETE", container);
        Assert.That((Status(refused), Body(refused)), Is.EqualTo((409, "Delete all versions before deleting container.")), refused.ToString());
    }

    private static void Ok(ToolRunner.Result result) => Assert.That(result.ExitCode, Is.Zero, result.ToString());

    private static int Status(ToolRunner.Result result) => int.Parse(result.Output.Split(' ', 3)[1], System.Globalization.CultureInfo.InvariantCulture);

    private static string? Header(ToolRunner.Result result, string name) =>
        result.Output.Split("\r\n\r\n", 2)[0].Split("\r\n").Where(l => l.StartsWith(name + ":", StringComparison.OrdinalIgnoreCase))
            .Select(l => l[(name.Length + 1)..].Trim()).FirstOrDefault();

    private static string Body(ToolRunner.Result result) => result.Output.Split("\r\n\r\n", 2) is [_, var body] ? body : "";
}
