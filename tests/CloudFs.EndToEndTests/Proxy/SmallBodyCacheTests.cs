using System.Net;
using System.Security.Cryptography;
using CloudFs.EndToEndTests.Cluster;
using CloudFs.EndToEndTests.Operations;

namespace CloudFs.EndToEndTests.Proxy;

/// <summary>
/// The proxy's small-body cache on a real cluster: what a GET is answered from is seen by taking
/// the object server away; the catalog still decides what exists and under which headers.
/// </summary>
[Category("E2E")]
public class SmallBodyCacheTests
{
    private CloudFsCluster _cluster = null!;
    private string _token = "";

    [TearDown]
    public async Task StopAsync() => await _cluster.DisposeAsync();

    [Test]
    public async Task Get_RightAfterPut_IsAnsweredWithoutTheObjectServer_RangesAndLargeBodiesAreNot()
    {
        await StartAsync();
        var small = RandomNumberGenerator.GetBytes(4096);
        var large = RandomNumberGenerator.GetBytes(100_000);
        await PutAsync("small", small);
        await PutAsync("large", large);

        _cluster.Server("object").Kill();
        using var get = await GetAsync("small");
        using var range = await GetAsync("small", new Dictionary<string, string> { ["Range"] = "bytes=0-9" });
        using var getLarge = await GetAsync("large");

        Assert.That(get.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(await get.Content.ReadAsByteArrayAsync(), Is.EqualTo(small));
        Assert.That(get.Content.Headers.ContentLength, Is.EqualTo(4096));
        Assert.That(get.Headers.GetValues("ETag").Single(), Is.EqualTo(Convert.ToHexStringLower(MD5.HashData(small))), "unquoted, as Swift's");
        Assert.That(get.Headers.Contains("X-Trans-Id"), Is.True);
        Assert.That(range.StatusCode, Is.EqualTo(HttpStatusCode.ServiceUnavailable), "a range is read from an object server");
        Assert.That(getLarge.StatusCode, Is.EqualTo(HttpStatusCode.ServiceUnavailable), "100 kB is over the 64 KiB limit");
    }

    [Test]
    public async Task Get_ReadOnceFromTheObjectServer_IsKeptForTheNext_AndCounted()
    {
        await StartAsync();
        var body = RandomNumberGenerator.GetBytes(3000);
        await PutAsync("once", body);
        // A new proxy holds nothing: its first GET reads the object server.
        _cluster.Stop("proxy");
        _cluster.Start("proxy");
        await _cluster.WaitHealthyAsync("proxy");

        using (var first = await GetAsync("once"))
        {
            Assert.That(await first.Content.ReadAsByteArrayAsync(), Is.EqualTo(body));
        }

        _cluster.Server("object").Kill();
        using var second = await GetAsync("once");
        var metrics = PrometheusScrape.Parse(await _cluster.Http.GetStringAsync(_cluster.Url("proxy", "/metrics")));

        Assert.That(second.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(await second.Content.ReadAsByteArrayAsync(), Is.EqualTo(body));
        Assert.That(metrics.Sum("cloudfs_proxy_small_body_cache_reads_total", ("result", "miss")), Is.EqualTo(1));
        Assert.That(metrics.Sum("cloudfs_proxy_small_body_cache_reads_total", ("result", "hit")), Is.EqualTo(1));
        Assert.That(metrics.Sum("cloudfs_proxy_small_body_cache_size_bytes"), Is.GreaterThanOrEqualTo(3000));
    }

    [Test]
    public async Task OverwrittenOrDeletedObject_IsAnsweredByTheCatalog_NotByWhatWasKept()
    {
        await StartAsync();
        await PutAsync("name", "first"u8.ToArray());
        using (var first = await GetAsync("name"))
        {
            Assert.That(await first.Content.ReadAsStringAsync(), Is.EqualTo("first"));
        }

        await PutAsync("name", "second"u8.ToArray());
        using var overwritten = await GetAsync("name");
        Assert.That(await overwritten.Content.ReadAsStringAsync(), Is.EqualTo("second"));

        using (var deleted = await ProxyHttp.SendAsync(_cluster, HttpMethod.Delete, "/v1/AUTH_test/kept/name", _token))
        {
            Assert.That(deleted.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        }

        using var gone = await GetAsync("name");
        Assert.That(gone.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    [Test]
    public async Task MaxBytesZero_EveryGetReadsTheObjectServer()
    {
        await StartAsync(new Dictionary<string, string> { ["CLOUDFS_Proxy__SmallBodyCache__MaxBytes"] = "0" });
        await PutAsync("small", RandomNumberGenerator.GetBytes(4096));

        _cluster.Server("object").Kill();
        using var get = await GetAsync("small");

        Assert.That(get.StatusCode, Is.EqualTo(HttpStatusCode.ServiceUnavailable));
    }

    private async Task StartAsync(Dictionary<string, string>? environment = null)
    {
        _cluster = new CloudFsCluster();
        await _cluster.StartAsync(environment);
        _token = (await ProxyHttp.LoginAsync(_cluster, "test:tester", "testing")).Token;
        using var created = await ProxyHttp.SendAsync(_cluster, HttpMethod.Put, "/v1/AUTH_test/kept", _token);
        Assert.That((int)created.StatusCode, Is.EqualTo(201));
    }

    private async Task PutAsync(string name, byte[] body)
    {
        using var put = await ProxyHttp.SendAsync(_cluster, HttpMethod.Put, $"/v1/AUTH_test/kept/{name}", _token, new ByteArrayContent(body));
        Assert.That(put.StatusCode, Is.EqualTo(HttpStatusCode.Created));
    }

    private Task<HttpResponseMessage> GetAsync(string name, IReadOnlyDictionary<string, string>? headers = null) =>
        ProxyHttp.SendAsync(_cluster, HttpMethod.Get, $"/v1/AUTH_test/kept/{name}", _token, headers: headers);
}
