using System.Diagnostics;
using CloudFs.EndToEndTests.Cluster;
using CloudFs.EndToEndTests.Healing;
using CloudFs.EndToEndTests.Proxy;

namespace CloudFs.EndToEndTests.Operations;

/// <summary>
/// SIGTERM drains: a proxy told to stop while an upload is half sent lets it finish (201, the
/// object readable) within Server:ShutdownTimeoutSeconds, then exits cleanly.
/// </summary>
[Category("E2E")]
public class GracefulStopTests
{
    [Test]
    public async Task Sigterm_DuringAnUpload_LetsItFinish_ThenExitsCleanly()
    {
        await using var cluster = new CloudFsCluster();
        await cluster.StartAsync(new Dictionary<string, string> { ["CLOUDFS_Server__ShutdownTimeoutSeconds"] = "30" });
        var (token, storageUrl) = await ProxyHttp.LoginAsync(cluster, "test:tester", "testing");
        var account = new Uri(storageUrl).AbsolutePath;
        using (var created = await ProxyHttp.SendAsync(cluster, HttpMethod.Put, $"{account}/draining", token))
        {
            Assert.That((int)created.StatusCode, Is.EqualTo(201));
        }

        var body = new byte[1_000_000];
        Random.Shared.NextBytes(body);
        var gate = new TaskCompletionSource();
        var upload = ProxyHttp.SendAsync(cluster, HttpMethod.Put, $"{account}/draining/in-flight", token, new GatedContent(body, 300_000, gate.Task));
        await Task.Delay(TimeSpan.FromSeconds(1)); // the first part is on its way

        var proxy = cluster.Server("proxy");
        Signal(proxy.Id, "TERM");
        await Task.Delay(TimeSpan.FromSeconds(1));
        Assert.That(proxy.HasExited, Is.False, "the proxy waits for the upload in flight");

        gate.SetResult();
        using (var response = await upload)
        {
            Assert.That((int)response.StatusCode, Is.EqualTo(201), proxy.ReadLog());
        }

        await Wait.UntilAsync(() => Task.FromResult(proxy.HasExited), "the proxy exits once drained", TimeSpan.FromSeconds(30));
        Assert.That(proxy.ExitCode, Is.Zero, proxy.ReadLog());

        // Back up: the upload that was in flight is there, whole.
        cluster.Stop("proxy");
        cluster.Start("proxy");
        await cluster.WaitHealthyAsync("proxy");
        using var get = await ProxyHttp.SendAsync(cluster, HttpMethod.Get, $"{account}/draining/in-flight", token);
        Assert.That(await get.Content.ReadAsByteArrayAsync(), Is.EqualTo(body));
    }

    private static void Signal(int pid, string signal)
    {
        using var kill = Process.Start("kill", [$"-{signal}", pid.ToString(System.Globalization.CultureInfo.InvariantCulture)])!;
        kill.WaitForExit();
    }
}
