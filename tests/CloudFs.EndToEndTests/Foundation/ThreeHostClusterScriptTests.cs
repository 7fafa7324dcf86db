using System.Net;
using System.Text.RegularExpressions;
using CloudFs.EndToEndTests.Cluster;
using CloudFs.EndToEndTests.Proxy;

namespace CloudFs.EndToEndTests.Foundation;

/// <summary>
/// README command 1 in its three-host form, run as a person runs it: scripts/cluster.sh --hosts 3
/// with its own MariaDB; a swift round trip stored on every host, a kill -9 it heals by restarting
/// the server, and a SIGTERM that takes every process it started with it.
/// </summary>
[Category("E2E")]
[NonParallelizable]
public class ThreeHostClusterScriptTests() : ClusterScriptTestBase("cloudfs-hosts3")
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(6);

    private string _proxy = null!;
    private List<string> _hosts = null!;

    [SetUp]
    public void PickAddresses()
    {
        _proxy = LoopbackAddresses.Next();
        _hosts = [LoopbackAddresses.Next(), LoopbackAddresses.Next(), LoopbackAddresses.Next()];
    }

    [Test]
    public async Task ClusterScript_ThreeHosts_StoresEverywhereRestartsKilledServerStopsEverythingKeepsData()
    {
        var state = Path.Combine(Root, "state");
        Script = ClusterScript.Start(state, _proxy, _hosts, "--hosts", "3", "--no-build");
        var admin = await Script.WaitForLineAsync("Admin user:", StartTimeout);
        // The summary's host and catalog lines come after the admin line; read up to its end.
        await Script.WaitForLineAsync("Ctrl-C stops the cluster.", StartTimeout);
        Assert.That(admin, Does.Match(@"^Admin user: admin:admin\s+key: [0-9a-f]{32}$"));
        Assert.That(Script.Output, Does.Contain($"Auth URL:   http://{_proxy}:7010/auth/v1.0"));
        Assert.That(Script.Output, Does.Contain($"Hosts:      {string.Join(' ', _hosts)}"));
        Assert.That(Script.Output, Does.Contain("MariaDB:    127.0.0.1:"));

        // A swift round trip through the proxy.
        var body = new byte[300_000];
        Random.Shared.NextBytes(body);
        await File.WriteAllBytesAsync(Path.Combine(Root, "blob.bin"), body);
        var upload = await SwiftAsync("upload", "photos", "blob.bin");
        Assert.That(upload.ExitCode, Is.Zero, $"{upload}\n{Script.Output}");
        var list = await SwiftAsync("list", "photos");
        Assert.That(list.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries), Is.EqualTo(new[] { "blob.bin" }), list.ToString());
        var download = await SwiftAsync("download", "photos", "blob.bin", "-o", "back.bin");
        Assert.That(download.ExitCode, Is.Zero, download.ToString());
        Assert.That(await File.ReadAllBytesAsync(Path.Combine(Root, "back.bin")), Is.EqualTo(body), "downloaded bytes");

        // Three replicas, one on each host's Policy-0 device.
        var copies = _hosts.Select(host => Directory.GetFiles(Path.Combine(state, "devices", host, "d1", "blobs"), "*.data", SearchOption.AllDirectories)
            .Select(Path.GetFileName).ToList()).ToList();
        Assert.That(copies, Has.All.Count.EqualTo(1), "one blob on each host");
        Assert.That(copies.Select(c => c.Single()).Distinct().Count(), Is.EqualTo(1), "the same blob on each host");

        // kill -9 one object server: restarted with a new pid, healthy again, and said so.
        var victim = $"object-{_hosts[1]}";
        var killed = Script.ReadPid(victim) ?? throw new AssertionException($"no pid file for {victim}");
        ClusterScript.Signal(killed, "KILL");
        await Wait.UntilAsync(async () => Script.ReadPid(victim) is { } pid && pid != killed && ClusterScript.IsAlive(pid)
            && await IsHealthyAsync($"http://{_hosts[1]}:7013/healthcheck"), $"{victim} runs again", StartTimeout);
        // "...; restarting it", or "..., again within 10 s of starting; restarting it in 2 s" when the kill came early.
        var restartLine = $@"{Regex.Escape($"{victim} (pid {killed}) died: killed by signal 9 (KILL)")}[,;].*restarting it";
        // The script's output is read as it comes; the line may trail the new pid by a moment.
        await Wait.UntilAsync(() => Task.FromResult(Regex.IsMatch(Script.Output, restartLine)), "the restart is reported", TimeSpan.FromSeconds(30));
        Assert.That(await File.ReadAllTextAsync(Path.Combine(state, "log", "cluster.log")), Does.Match(restartLine));
        var again = await SwiftAsync("download", "photos", "blob.bin", "-o", "again.bin");
        Assert.That(again.ExitCode, Is.Zero, again.ToString());

        // SIGTERM: the script stops every process it wrote a pid for, MariaDB included, and exits.
        var pids = Script.ReadPids();
        Assert.That(pids.Keys, Is.EquivalentTo(_hosts.SelectMany(h => new[] { $"account-{h}", $"container-{h}", $"object-{h}" })
            .Append($"proxy-{_proxy}").Append("mariadb")));
        await Script.StopAsync(TimeSpan.FromMinutes(2));
        Assert.That(Script.HasExited, Is.True);
        Assert.That(pids.Where(p => ClusterScript.IsAlive(p.Value)).Select(p => p.Key), Is.Empty, "processes still running after SIGTERM");

        // Started again on the same state: the same catalog (MariaDB's data dir and port are kept) and blobs.
        await Script.DisposeAsync();
        Script = ClusterScript.Start(state, _proxy, _hosts, "--hosts", "3", "--no-build");
        Assert.That(await Script.WaitForLineAsync("Admin user:", StartTimeout), Is.EqualTo(admin));
        var afterRestart = await SwiftAsync("download", "photos", "blob.bin", "-o", "restarted.bin");
        Assert.That(afterRestart.ExitCode, Is.Zero, $"{afterRestart}\n{Script.Output}");
        Assert.That(await File.ReadAllBytesAsync(Path.Combine(Root, "restarted.bin")), Is.EqualTo(body), "bytes after a restart of the script");
        await Script.StopAsync(TimeSpan.FromMinutes(2));
    }

    private Task<ToolRunner.Result> SwiftAsync(params string[] args) =>
        ToolRunner.RunAsync("swift", ["-A", $"http://{_proxy}:7010/auth/v1.0", "-U", "test:tester", "-K", "testing", .. args], Root);

    private static async Task<bool> IsHealthyAsync(string url)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        try
        {
            using var response = await http.GetAsync(new Uri(url));
            return response.StatusCode == HttpStatusCode.OK;
        }
        catch (HttpRequestException)
        {
            return false;
        }
        catch (TaskCanceledException)
        {
            return false;
        }
    }
}
