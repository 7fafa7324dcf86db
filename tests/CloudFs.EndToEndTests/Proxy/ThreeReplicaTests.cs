using System.Net;
using System.Security.Cryptography;
using CloudFs.EndToEndTests.Cluster;

namespace CloudFs.EndToEndTests.Proxy;

/// <summary>Three object servers on three loopback hosts, one replica each: quorum writes and failover reads.</summary>
[Category("E2E")]
public class ThreeReplicaTests
{
    private CloudFsCluster _cluster = null!;
    private string _token = "";

    [SetUp]
    public async Task StartAsync()
    {
        _cluster = new CloudFsCluster(objectReplicas: 3);
        // A short node timeout so a stalled replica is given up on quickly.
        await _cluster.StartAsync(new Dictionary<string, string> { ["CLOUDFS_Proxy__NodeTimeoutSeconds"] = "3" });
        _token = (await ProxyHttp.LoginAsync(_cluster, "test:tester", "testing")).Token;
        using var created = await ProxyHttp.SendAsync(_cluster, HttpMethod.Put, "/v1/AUTH_test/r3", _token);
        Assert.That((int)created.StatusCode, Is.EqualTo(201));
    }

    [TearDown]
    public async Task StopAsync() => await _cluster.DisposeAsync();

    [Test]
    public async Task Put_AllReplicasUp_StoresThreeCopies()
    {
        var body = RandomNumberGenerator.GetBytes(200_000);
        using var put = await ProxyHttp.SendAsync(_cluster, HttpMethod.Put, "/v1/AUTH_test/r3/three", _token, new ByteArrayContent(body));

        Assert.That(put.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        Assert.That(ProxyHttp.BlobFiles(_cluster), Has.Count.EqualTo(3));
    }

    [Test]
    public async Task PutAndGet_OneObjectServerKilled_KeepWorking()
    {
        var before = RandomNumberGenerator.GetBytes(150_000);
        using (var put = await ProxyHttp.SendAsync(_cluster, HttpMethod.Put, "/v1/AUTH_test/r3/before", _token, new ByteArrayContent(before)))
        {
            Assert.That(put.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        }

        _cluster.Server("object").Kill();

        var after = RandomNumberGenerator.GetBytes(150_000);
        using var putAfter = await ProxyHttp.SendAsync(_cluster, HttpMethod.Put, "/v1/AUTH_test/r3/after", _token, new ByteArrayContent(after));
        Assert.That(putAfter.StatusCode, Is.EqualTo(HttpStatusCode.Created), "2 of 3 replicas are a quorum");

        for (var i = 0; i < 3; i++)
        {
            Assert.That(await GetAsync("before"), Is.EqualTo(before));
            Assert.That(await GetAsync("after"), Is.EqualTo(after));
        }
    }

    [Test]
    public async Task Put_TwoObjectServersKilled_Is503AndNothingCommitted()
    {
        _cluster.Server("object").Kill();
        _cluster.Server("object2").Kill();

        using var put = await ProxyHttp.SendAsync(_cluster, HttpMethod.Put, "/v1/AUTH_test/r3/lost", _token, new ByteArrayContent(new byte[10_000]));
        using var head = await ProxyHttp.SendAsync(_cluster, HttpMethod.Head, "/v1/AUTH_test/r3/lost", _token);

        Assert.That(put.StatusCode, Is.EqualTo(HttpStatusCode.ServiceUnavailable));
        Assert.That(head.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    [Test]
    public async Task PutAndGet_OneObjectServerStalled_TwoHealthyReplicasStoreAndServe()
    {
        var stalled = _cluster.Server("object2").Id;
        using (var stop = System.Diagnostics.Process.Start("kill", ["-STOP", stalled.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await stop.WaitForExitAsync();
        }

        try
        {
            var body = RandomNumberGenerator.GetBytes(32 * 1024 * 1024);
            using var put = await ProxyHttp.SendAsync(_cluster, HttpMethod.Put, "/v1/AUTH_test/r3/slow", _token, new ByteArrayContent(body));

            // The stalled replica was dropped (its queue stayed full past the node timeout), so
            // the upload answered while it is still stopped: only the two healthy copies exist.
            Assert.That(put.StatusCode, Is.EqualTo(HttpStatusCode.Created), "the two healthy replicas are a quorum");
            Assert.That(put.Headers.GetValues("ETag").Single().Trim('"'), Is.EqualTo(Convert.ToHexStringLower(MD5.HashData(body))));
            Assert.That(ProxyHttp.BlobFiles(_cluster), Has.Count.EqualTo(2));
            Assert.That(await GetAsync("slow"), Is.EqualTo(body));
        }
        finally
        {
            using var resume = System.Diagnostics.Process.Start("kill", ["-CONT", stalled.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
            await resume.WaitForExitAsync();
        }
    }

    private async Task<byte[]> GetAsync(string name)
    {
        using var response = await ProxyHttp.SendAsync(_cluster, HttpMethod.Get, "/v1/AUTH_test/r3/" + name, _token);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        return await response.Content.ReadAsByteArrayAsync();
    }
}
