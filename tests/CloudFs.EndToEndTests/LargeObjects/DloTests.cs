using System.Net;
using System.Security.Cryptography;
using System.Text;
using CloudFs.EndToEndTests.Cluster;
using CloudFs.EndToEndTests.Proxy;

namespace CloudFs.EndToEndTests.LargeObjects;

/// <summary>
/// Dynamic large objects (X-Object-Manifest) through a real cluster, on SQLite and on MariaDB:
/// reads right after the last segment, ranges across segments, segments larger than the
/// streamer's prefetch window, broken segments, access to the segment container, and the swift
/// CLI's segmented upload, download and delete.
/// </summary>
[TestFixture("sqlite")]
[TestFixture("mysql")]
[Category("E2E")]
[NonParallelizable]
public sealed class DloTests(string database)
{
    private TestMariaDb? _mariaDb;
    private CloudFsCluster _cluster = null!;
    private string _token = "";
    private string _account = "";

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        if (database == "mysql")
        {
            _mariaDb = await TestMariaDb.CreateAsync();
        }

        _cluster = new CloudFsCluster(_mariaDb?.ConnectionString, extraUsers: [("test:reader", "reading", "member")]);
        await _cluster.StartAsync();
        var (token, storageUrl) = await ProxyHttp.LoginAsync(_cluster, "test:tester", "testing");
        _token = token;
        _account = new Uri(storageUrl).AbsolutePath;
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
    public async Task Get_RightAfterEachSegmentIsStored_HasEverySegment()
    {
        await PutAsync("/exact");
        await PutAsync("/exact/m", [], new() { ["X-Object-Manifest"] = "exact/part-" });
        var expected = new MemoryStream();
        for (var i = 0; i < 12; i++)
        {
            var segment = Bytes(1000 + (i * 137), seed: i);
            await PutAsync($"/exact/part-{i:D3}", segment);
            expected.Write(segment);

            // No wait: CloudFs listings are exact, so the segment just stored is already part of the DLO.
            using var get = await SendAsync(HttpMethod.Get, "/exact/m");
            Assert.That(get.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(await get.Content.ReadAsByteArrayAsync(), Is.EqualTo(expected.ToArray()), $"after segment {i}");
        }
    }

    [Test]
    public async Task HeadAndGet_AnswerTheConcatenation_WithSwiftsEtag()
    {
        var segments = await ThreeSegmentsAsync("whole");

        using var head = await SendAsync(HttpMethod.Head, "/whole/m");
        using var get = await SendAsync(HttpMethod.Get, "/whole/m");

        var etag = Md5Hex(Encoding.ASCII.GetBytes(string.Concat(segments.Select(Md5Hex))));
        Assert.That(head.Content.Headers.ContentLength, Is.EqualTo(segments.Sum(s => s.Length)));
        Assert.That(head.Headers.ETag?.Tag, Is.EqualTo($"\"{etag}\""));
        Assert.That(head.Headers.GetValues("X-Object-Manifest").Single(), Is.EqualTo("whole/seg/"));
        Assert.That(await get.Content.ReadAsByteArrayAsync(), Is.EqualTo(segments.SelectMany(s => s).ToArray()));
    }

    [Test]
    public async Task Get_RangeAcrossSegments_Answers206WithThoseBytes()
    {
        var body = (await ThreeSegmentsAsync("ranged")).SelectMany(s => s).ToArray();

        using var get = await SendAsync(HttpMethod.Get, "/ranged/m", headers: new() { ["Range"] = "bytes=990-2010" });
        using var suffix = await SendAsync(HttpMethod.Get, "/ranged/m", headers: new() { ["Range"] = "bytes=-5" });

        Assert.That(get.StatusCode, Is.EqualTo(HttpStatusCode.PartialContent));
        Assert.That(get.Content.Headers.ContentRange?.ToString(), Is.EqualTo($"bytes 990-2010/{body.Length}"));
        Assert.That(await get.Content.ReadAsByteArrayAsync(), Is.EqualTo(body[990..2011]));
        Assert.That(await suffix.Content.ReadAsByteArrayAsync(), Is.EqualTo(body[^5..]));
    }

    [Test]
    public async Task Get_SeveralRanges_AnswersTheWholeBody_AsSwiftsDlo()
    {
        var body = (await ThreeSegmentsAsync("multi")).SelectMany(s => s).ToArray();

        using var get = await SendAsync(HttpMethod.Get, "/multi/m", headers: new() { ["Range"] = "bytes=0-1,5-6" });

        Assert.That(get.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(await get.Content.ReadAsByteArrayAsync(), Is.EqualTo(body));
    }

    [Test]
    public async Task Get_RangePastTheEnd_IsSwiftsBare416()
    {
        var total = (await ThreeSegmentsAsync("past")).Sum(s => s.Length);

        using var get = await SendAsync(HttpMethod.Get, "/past/m", headers: new() { ["Range"] = $"bytes={total}-" });

        Assert.That((int)get.StatusCode, Is.EqualTo(416));
        Assert.That(get.Content.Headers.ContentRange?.ToString(), Is.EqualTo($"bytes */{total}"));
        Assert.That(get.Headers.Contains("X-Object-Manifest"), Is.False, "Swift's dlo answers swob's bare 416");
    }

    [Test]
    public async Task Get_SegmentsBiggerThanThePrefetchWindow_StreamWholeAndRanged()
    {
        await PutAsync("/big");
        var segments = new[] { Bytes(2_500_000, 1), Bytes(1_700_000, 2), Bytes(3_100_000, 3) };
        for (var i = 0; i < segments.Length; i++)
        {
            await PutAsync($"/big/seg/{i}", segments[i]);
        }

        await PutAsync("/big/m", [], new() { ["X-Object-Manifest"] = "big/seg/" });
        var body = segments.SelectMany(s => s).ToArray();

        using var get = await SendAsync(HttpMethod.Get, "/big/m");
        using var ranged = await SendAsync(HttpMethod.Get, "/big/m", headers: new() { ["Range"] = "bytes=2000000-4300000" });

        Assert.That(Md5Hex(await get.Content.ReadAsByteArrayAsync()), Is.EqualTo(Md5Hex(body)));
        Assert.That(await ranged.Content.ReadAsByteArrayAsync(), Is.EqualTo(body[2_000_000..4_300_001]));
    }

    [Test]
    public async Task Get_FirstSegmentBlobGone_Is503_LaterOneGone_CutsTheConnection()
    {
        await PutAsync("/broken");
        var before = ProxyHttp.BlobFiles(_cluster).ToHashSet();
        await PutAsync("/broken/seg/1", Bytes(70_000, 1));
        var first = ProxyHttp.BlobFiles(_cluster).Except(before).Single();
        before = ProxyHttp.BlobFiles(_cluster).ToHashSet();
        await PutAsync("/broken/seg/2", Bytes(70_000, 2));
        var second = ProxyHttp.BlobFiles(_cluster).Except(before).Single();
        await PutAsync("/broken/m", [], new() { ["X-Object-Manifest"] = "broken/seg/" });

        File.Delete(second);
        using (var get = await SendAsync(HttpMethod.Get, "/broken/m", completion: HttpCompletionOption.ResponseHeadersRead))
        {
            Assert.That(get.StatusCode, Is.EqualTo(HttpStatusCode.OK), "the first segment is fine, so the answer starts");
            Assert.That(get.Content.Headers.ContentLength, Is.EqualTo(140_000));
            Assert.That(async () => await get.Content.ReadAsByteArrayAsync(), Throws.InstanceOf<HttpRequestException>().Or.InstanceOf<IOException>(),
                "the body must break off, not end short as if complete");
        }

        File.Delete(first);
        using var dead = await SendAsync(HttpMethod.Get, "/broken/m");
        Assert.That(dead.StatusCode, Is.EqualTo(HttpStatusCode.ServiceUnavailable));
    }

    [Test]
    public async Task Get_CallerWithoutReadOnTheSegmentContainer_IsForbidden()
    {
        await ThreeSegmentsAsync("secret");
        await PutAsync("/public-m");
        using (var acl = await SendAsync(HttpMethod.Post, "/public-m", headers: new() { ["X-Container-Read"] = "test:reader" }))
        {
            Assert.That(acl.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        }

        await PutAsync("/public-m/m", [], new() { ["X-Object-Manifest"] = "secret/seg/" });
        var (readerToken, _) = await ProxyHttp.LoginAsync(_cluster, "test:reader", "reading");

        using var denied = await ProxyHttp.SendAsync(_cluster, HttpMethod.Get, _account + "/public-m/m", readerToken);
        using (var acl = await SendAsync(HttpMethod.Post, "/secret", headers: new() { ["X-Container-Read"] = "test:reader" }))
        {
            Assert.That(acl.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        }

        using var allowed = await ProxyHttp.SendAsync(_cluster, HttpMethod.Get, _account + "/public-m/m", readerToken);

        Assert.That(denied.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That(allowed.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(await allowed.Content.ReadAsByteArrayAsync(), Has.Length.EqualTo(3000));
    }

    [Test]
    public async Task Copy_WithRange_StoresThoseBytesOfTheConcatenation()
    {
        var body = (await ThreeSegmentsAsync("copyr")).SelectMany(s => s).ToArray();

        using var copy = await SendAsync(new HttpMethod("COPY"), "/copyr/m", headers: new() { ["Destination"] = "copyr/plain", ["Range"] = "bytes=500-2499" });
        using var get = await SendAsync(HttpMethod.Get, "/copyr/plain");

        Assert.That(copy.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        Assert.That(get.Headers.Contains("X-Object-Manifest"), Is.False);
        Assert.That(await get.Content.ReadAsByteArrayAsync(), Is.EqualTo(body[500..2500]));
        // A plain object's ETag is the MD5 of its bytes, sent unquoted (HttpClient's ETag parser wants quotes).
        Assert.That(get.Headers.GetValues("ETag").Single(), Is.EqualTo(Md5Hex(body[500..2500])));
    }

    [Test]
    public async Task Post_BadManifest_Is400AndStoresNothing()
    {
        await PutAsync("/badpost");
        await PutAsync("/badpost/o", Encoding.ASCII.GetBytes("plain"));

        using var post = await SendAsync(HttpMethod.Post, "/badpost/o", headers: new() { ["X-Object-Manifest"] = "noslash" });
        using var get = await SendAsync(HttpMethod.Get, "/badpost/o");

        Assert.That(post.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(await post.Content.ReadAsStringAsync(), Is.EqualTo("X-Object-Manifest must be in the format container/prefix"));
        Assert.That(await get.Content.ReadAsStringAsync(), Is.EqualTo("plain"));
    }

    [Test]
    public async Task SwiftCli_SegmentedUploadDownloadDelete_RoundTrips()
    {
        var work = Path.Combine(_cluster.Root, "dlo-cli");
        Directory.CreateDirectory(work);
        var file = Path.Combine(work, "five.bin");
        await File.WriteAllBytesAsync(file, Bytes(5 * 1024 * 1024 + 12345, 42));

        var upload = await ToolRunner.SwiftAsync(_cluster, work, "upload", "--segment-size", "1M", "cli", "five.bin");
        Assert.That(upload.ExitCode, Is.EqualTo(0), upload.ToString());
        var segments = await ToolRunner.SwiftAsync(_cluster, work, "list", "cli_segments");
        Assert.That(segments.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries), Has.Length.EqualTo(6), segments.ToString());
        var stat = await ToolRunner.SwiftAsync(_cluster, work, "stat", "cli", "five.bin");
        Assert.That(stat.Output, Does.Contain("Manifest: cli_segments/five.bin/"), stat.ToString());

        var download = await ToolRunner.SwiftAsync(_cluster, work, "download", "cli", "five.bin", "-o", "copy.bin");
        Assert.That(download.ExitCode, Is.EqualTo(0), download.ToString());
        Assert.That(Md5Hex(await File.ReadAllBytesAsync(Path.Combine(work, "copy.bin"))), Is.EqualTo(Md5Hex(await File.ReadAllBytesAsync(file))));

        var delete = await ToolRunner.SwiftAsync(_cluster, work, "delete", "cli", "five.bin");
        Assert.That(delete.ExitCode, Is.EqualTo(0), delete.ToString());
        var left = await ToolRunner.SwiftAsync(_cluster, work, "list", "cli_segments");
        Assert.That(left.Output.Trim(), Is.Empty, "swift delete takes the segments along: " + left);
    }

    // Three segments of 1000 bytes under CONTAINER/seg/ and the manifest CONTAINER/m.
    private async Task<byte[][]> ThreeSegmentsAsync(string container)
    {
        await PutAsync("/" + container);
        var segments = new[] { Bytes(1000, 1), Bytes(1000, 2), Bytes(1000, 3) };
        for (var i = 0; i < segments.Length; i++)
        {
            await PutAsync($"/{container}/seg/{i + 1}", segments[i]);
        }

        await PutAsync($"/{container}/m", [], new() { ["X-Object-Manifest"] = container + "/seg/" });
        return segments;
    }

    private async Task PutAsync(string path, byte[]? body = null, Dictionary<string, string>? headers = null)
    {
        using var put = await SendAsync(HttpMethod.Put, path, body is null ? null : new ByteArrayContent(body), headers);
        Assert.That((int)put.StatusCode, Is.AnyOf(201, 202), $"PUT {path}");
    }

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, HttpContent? content = null,
        Dictionary<string, string>? headers = null, HttpCompletionOption completion = HttpCompletionOption.ResponseContentRead)
    {
        if (completion == HttpCompletionOption.ResponseContentRead)
        {
            return await ProxyHttp.SendAsync(_cluster, method, _account + path, _token, content, headers);
        }

        var request = new HttpRequestMessage(method, _cluster.Url("proxy", _account + path)) { Content = content };
        request.Headers.Add("X-Auth-Token", _token);
        return await _cluster.Http.SendAsync(request, completion);
    }

    private static byte[] Bytes(int length, int seed)
    {
        var bytes = new byte[length];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }

    private static string Md5Hex(byte[] bytes) => Convert.ToHexStringLower(MD5.HashData(bytes));
}
