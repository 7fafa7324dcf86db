using System.Net;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using CloudFs.EndToEndTests.Cluster;

namespace CloudFs.EndToEndTests.Proxy;

/// <summary>
/// The single-object limit (Proxy:MaxFileSize, Swift's max_file_size) set low: /info shows it,
/// a body over it is refused with Swift's 413 whether its length is announced or not, and a
/// segmented upload gets around it as in Swift.
/// </summary>
[Category("E2E")]
public sealed class MaxFileSizeTests
{
    private const int Limit = 1024 * 1024;
    private CloudFsCluster _cluster = null!;
    private string _token = "";

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _cluster = new CloudFsCluster();
        await _cluster.StartAsync(new Dictionary<string, string> { ["CLOUDFS_Proxy__MaxFileSize"] = Limit.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        (_token, _) = await ProxyHttp.LoginAsync(_cluster, "test:tester", "testing");
        using var container = await ProxyHttp.SendAsync(_cluster, HttpMethod.Put, "/v1/AUTH_test/limit", _token);
    }

    [OneTimeTearDown]
    public async Task StopAsync() => await _cluster.DisposeAsync();

    [Test]
    public async Task Info_ShowsTheLimit()
    {
        using var info = await ProxyHttp.SendAsync(_cluster, HttpMethod.Get, "/info", null);
        var swift = JsonNode.Parse(await info.Content.ReadAsStringAsync())!["swift"]!;
        Assert.That((long)swift["max_file_size"]!, Is.EqualTo(Limit));
    }

    [TestCase(true)]
    [TestCase(false)]
    public async Task BodyOverTheLimit_Is413_AndNothingIsStored(bool announced)
    {
        var body = new ByteArrayContent(new byte[Limit + 1]);
        var request = new HttpRequestMessage(HttpMethod.Put, _cluster.Url("proxy", "/v1/AUTH_test/limit/too-big")) { Content = body };
        request.Headers.Add("X-Auth-Token", _token);
        request.Headers.TransferEncodingChunked = !announced;
        using var put = await _cluster.Http.SendAsync(request);
        Assert.That(put.StatusCode, Is.EqualTo(HttpStatusCode.RequestEntityTooLarge));
        if (announced)
        {
            Assert.That(await put.Content.ReadAsStringAsync(), Is.EqualTo("Your request is too large."));
        }

        using var head = await ProxyHttp.SendAsync(_cluster, HttpMethod.Head, "/v1/AUTH_test/limit/too-big", _token);
        Assert.That(head.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    [Test]
    public async Task SegmentedUpload_GoesPastTheLimit()
    {
        var work = Directory.CreateDirectory(Path.Combine(_cluster.Root, "max-file-size")).FullName;
        var body = RandomNumberGenerator.GetBytes((3 * Limit) + 5);
        await File.WriteAllBytesAsync(Path.Combine(work, "big.bin"), body);
        var upload = await ToolRunner.SwiftAsync(_cluster, work, "upload", "--use-slo", "--segment-size", "512K", "limit", "big.bin");
        Assert.That(upload.ExitCode, Is.EqualTo(0), upload.ToString());
        using var get = await ProxyHttp.SendAsync(_cluster, HttpMethod.Get, "/v1/AUTH_test/limit/big.bin", _token);
        Assert.That(await get.Content.ReadAsByteArrayAsync(), Is.EqualTo(body));
    }
}
