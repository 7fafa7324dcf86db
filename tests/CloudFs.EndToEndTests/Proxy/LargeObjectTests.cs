using System.Net;
using System.Security.Cryptography;
using System.Text;
using CloudFs.EndToEndTests.Cluster;

namespace CloudFs.EndToEndTests.Proxy;

/// <summary>
/// Large objects end to end, on SQLite and on MariaDB: the swift CLI's segmented uploads
/// (--use-slo), download, copy and delete; rclone's chunked uploads (dynamic manifests); and
/// what the catalog adds to Swift: a manifest keeps
/// the blobs it reads from (the collector runs every second here), and a directory MOVE or COPY
/// of manifests and segments copies no bytes and keeps them readable.
/// </summary>
[TestFixture("sqlite")]
[TestFixture("mysql")]
[Category("E2E")]
public sealed class LargeObjectTests(string database)
{
    private TestMariaDb? _mariaDb;
    private CloudFsCluster _cluster = null!;
    private string _token = "";

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        if (database == "mysql")
        {
            _mariaDb = await TestMariaDb.CreateAsync();
        }

        _cluster = new CloudFsCluster(_mariaDb?.ConnectionString);
        await _cluster.StartAsync(new Dictionary<string, string>
        {
            ["CLOUDFS_ObjectServer__GarbageIntervalSeconds"] = "1",
            ["CLOUDFS_AccountServer__GarbageGraceSeconds"] = "0",
        });
        (_token, _) = await ProxyHttp.LoginAsync(_cluster, "test:tester", "testing");
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        await _cluster.DisposeAsync();
        if (_mariaDb is not null)
        {
            await _mariaDb.DisposeAsync();
        }
    }

    [Test]
    public async Task SwiftCli_UseSlo_UploadDownloadCopyDelete()
    {
        var work = Directory.CreateDirectory(Path.Combine(_cluster.Root, "slo-cli")).FullName;
        var body = RandomNumberGenerator.GetBytes((5 * 1024 * 1024) + 12345);
        await File.WriteAllBytesAsync(Path.Combine(work, "big.bin"), body);

        var upload = await ToolRunner.SwiftAsync(_cluster, work, "upload", "--use-slo", "--segment-size", "1M", "--segment-threads", "4", "slo", "big.bin");
        Assert.That(upload.ExitCode, Is.EqualTo(0), upload.ToString());
        var segments = await ToolRunner.SwiftAsync(_cluster, work, "list", "slo_segments");
        Assert.That(segments.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries), Has.Length.EqualTo(6), segments.ToString());

        var stat = await ToolRunner.SwiftAsync(_cluster, work, "stat", "slo", "big.bin");
        Assert.That(stat.Output, Does.Contain($"Content Length: {body.Length}").And.Contain("Static-Large-Object: True"), stat.ToString());

        var download = await ToolRunner.SwiftAsync(_cluster, work, "download", "slo", "big.bin", "-o", "back.bin");
        Assert.That(download.ExitCode, Is.EqualTo(0), download.ToString());
        Assert.That(await File.ReadAllBytesAsync(Path.Combine(work, "back.bin")), Is.EqualTo(body));

        var copy = await ToolRunner.SwiftAsync(_cluster, work, "copy", "--destination", "/slo/copy.bin", "slo", "big.bin");
        Assert.That(copy.ExitCode, Is.EqualTo(0), copy.ToString());
        using (var head = await ProxyHttp.SendAsync(_cluster, HttpMethod.Head, "/v1/AUTH_test/slo/copy.bin", _token))
        {
            // Swift's copy of a manifest is a plain object whose ETag is the MD5 of its bytes.
            Assert.That(head.Headers.GetValues("ETag").Single(), Is.EqualTo(Convert.ToHexStringLower(MD5.HashData(body))));
            Assert.That(head.Headers.Contains("X-Static-Large-Object"), Is.False);
        }

        var delete = await ToolRunner.SwiftAsync(_cluster, work, "delete", "slo", "big.bin");
        Assert.That(delete.ExitCode, Is.EqualTo(0), delete.ToString());
        var left = await ToolRunner.SwiftAsync(_cluster, work, "list", "slo_segments");
        Assert.That(left.Output.Trim(), Is.Empty, "the segments went with the manifest");

        // The copy shares the deleted segments' blobs: the collector keeps them while it names them.
        await CollectorPassAsync();
        var again = await ToolRunner.SwiftAsync(_cluster, work, "download", "slo", "copy.bin", "-o", "copy-back.bin");
        Assert.That(again.ExitCode, Is.EqualTo(0), again.ToString());
        Assert.That(await File.ReadAllBytesAsync(Path.Combine(work, "copy-back.bin")), Is.EqualTo(body));
    }

    [Test]
    public async Task Rclone_ChunkedUpload_CopyCheckCatPurge()
    {
        // rclone's swift backend uploads anything above --swift-chunk-size as segments in
        // "<container>_segments" and a dynamic manifest (X-Object-Manifest) over them.
        var source = Directory.CreateDirectory(Path.Combine(_cluster.Root, "rclone-chunked")).FullName;
        var big = RandomNumberGenerator.GetBytes((3 * 1024 * 1024) + 777);
        await File.WriteAllBytesAsync(Path.Combine(source, "big.bin"), big);
        await File.WriteAllTextAsync(Path.Combine(source, "small.txt"), "small");

        var copy = await RcloneAsync("copy", "--swift-chunk-size", "1M", source, "cfs:chunked");
        Assert.That(copy.ExitCode, Is.EqualTo(0), copy.ToString());
        var segments = await ToolRunner.SwiftAsync(_cluster, null, "list", "chunked_segments");
        Assert.That(segments.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries), Has.Length.EqualTo(4), segments.ToString());

        var check = await RcloneAsync("check", source, "cfs:chunked");
        Assert.That(check.ExitCode, Is.EqualTo(0), check.ToString());
        Assert.That(check.Error, Does.Contain("0 differences found"));

        var cat = await RcloneAsync("cat", "cfs:chunked/big.bin");
        Assert.That(cat.ExitCode, Is.EqualTo(0));
        using (var get = await Send(HttpMethod.Get, "/v1/AUTH_test/chunked/big.bin"))
        {
            Assert.That(await get.Content.ReadAsByteArrayAsync(), Is.EqualTo(big), "the manifest reads as the file");
        }

        var purge = await RcloneAsync("purge", "cfs:chunked");
        Assert.That(purge.ExitCode, Is.EqualTo(0), purge.ToString());
        using var gone = await Send(HttpMethod.Head, "/v1/AUTH_test/chunked");
        Assert.That(gone.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        var left = await ToolRunner.SwiftAsync(_cluster, null, "list", "chunked_segments");
        Assert.That(left.Output.Trim(), Is.Empty, "rclone deletes a manifest's segments with it");
    }

    [Test]
    public async Task Manifest_KeepsItsBlobs_WhenItsSegmentObjectsGo_AndReleasesThemWhenItGoes()
    {
        await Send(HttpMethod.Put, "/v1/AUTH_test/keep");
        var before = ProxyHttp.BlobFiles(_cluster).Count;
        await Send(HttpMethod.Put, "/v1/AUTH_test/keep/s1", "aaaaa");
        await Send(HttpMethod.Put, "/v1/AUTH_test/keep/s2", "bbbbbbb");
        using (var put = await Send(HttpMethod.Put, "/v1/AUTH_test/keep/m?multipart-manifest=put", """[{"path": "/keep/s1"}, {"path": "/keep/s2"}]"""))
        {
            Assert.That(put.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        }

        await Send(HttpMethod.Delete, "/v1/AUTH_test/keep/s1");
        await Send(HttpMethod.Put, "/v1/AUTH_test/keep/s2", "overwritten");
        await CollectorPassAsync();
        Assert.That(await ReadAsync("/v1/AUTH_test/keep/m"), Is.EqualTo("aaaaabbbbbbb"), "the manifest reads what its segments held");

        await Send(HttpMethod.Delete, "/v1/AUTH_test/keep/s2");
        await Send(HttpMethod.Delete, "/v1/AUTH_test/keep/m");
        await Wait.UntilAsync(() => Task.FromResult(ProxyHttp.BlobFiles(_cluster).Count <= before),
            "the segment and manifest blobs are collected once nothing names them", TimeSpan.FromSeconds(30));
    }

    [Test]
    public async Task DirectoryMoveAndCopy_OfManifestsAndSegments_KeepThemReadable()
    {
        await Send(HttpMethod.Put, "/v1/AUTH_test/tree");
        await Send(HttpMethod.Put, "/v1/AUTH_test/tree/dir/seg/1", "one-");
        await Send(HttpMethod.Put, "/v1/AUTH_test/tree/dir/seg/2", "two");
        using (var put = await Send(HttpMethod.Put, "/v1/AUTH_test/tree/dir/m?multipart-manifest=put", """[{"path": "/tree/dir/seg/1"}, {"path": "/tree/dir/seg/2"}]"""))
        {
            Assert.That(put.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        }

        // The collector runs every second on this cluster and may still take earlier tests' blobs,
        // so "no byte copied" is "no blob file appeared", not an unchanged count.
        var blobs = ProxyHttp.BlobFiles(_cluster).ToHashSet();
        using (var moved = await Send(HttpMethod.Parse("MOVE"), "/v1/AUTH_test/tree/dir/", headers: ("Destination", "tree/moved")))
        {
            Assert.That((int)moved.StatusCode, Is.LessThan(300));
        }

        using (var copied = await Send(HttpMethod.Parse("COPY"), "/v1/AUTH_test/tree/moved/", headers: ("Destination", "tree/twin")))
        {
            Assert.That((int)copied.StatusCode, Is.LessThan(300));
        }

        Assert.That(ProxyHttp.BlobFiles(_cluster).Where(f => !blobs.Contains(f)), Is.Empty, "no byte was copied");
        Assert.That(await ReadAsync("/v1/AUTH_test/tree/moved/m"), Is.EqualTo("one-two"));
        Assert.That(await ReadAsync("/v1/AUTH_test/tree/twin/m"), Is.EqualTo("one-two"));

        // The moved manifest still names its original segment paths; deleting it with its segments
        // removes what exists and reports the rest, as Swift does for segments gone missing.
        using var gone = await Send(HttpMethod.Delete, "/v1/AUTH_test/tree/twin/m?multipart-manifest=delete");
        Assert.That(gone.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(await gone.Content.ReadAsStringAsync(), Does.Contain("Number Not Found: 2"));
        Assert.That(await ReadAsync("/v1/AUTH_test/tree/moved/m"), Is.EqualTo("one-two"), "the other copy still reads");
    }

    /// <summary>
    /// Returns once the collector has passed every blob queued so far: a blob deleted now, whose
    /// time-ordered id comes after all of them, has left the disk.
    /// </summary>
    private async Task CollectorPassAsync()
    {
        await Send(HttpMethod.Put, "/v1/AUTH_test/sentinel");
        var before = ProxyHttp.BlobFiles(_cluster).ToHashSet();
        await Send(HttpMethod.Put, "/v1/AUTH_test/sentinel/o", "x");
        var sentinel = ProxyHttp.BlobFiles(_cluster).Single(f => !before.Contains(f));
        await Send(HttpMethod.Delete, "/v1/AUTH_test/sentinel/o");
        await Wait.UntilAsync(() => Task.FromResult(!File.Exists(sentinel)), "the collector passes a blob deleted after the others", TimeSpan.FromSeconds(30));
    }

    private Task<ToolRunner.Result> RcloneAsync(params string[] args) => ToolRunner.RcloneAsync(_cluster, args);

    private async Task<string> ReadAsync(string path)
    {
        using var response = await Send(HttpMethod.Get, path);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), path);
        return await response.Content.ReadAsStringAsync();
    }

    private Task<HttpResponseMessage> Send(HttpMethod method, string path, string? body = null, params (string Name, string Value)[] headers) =>
        ProxyHttp.SendAsync(_cluster, method, path, _token, body is null ? new ByteArrayContent([]) : new ByteArrayContent(Encoding.UTF8.GetBytes(body)),
            headers.ToDictionary(h => h.Name, h => h.Value));
}
