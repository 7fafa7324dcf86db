using System.Text.Json.Nodes;
using CloudFs.Common.Hosts;
using CloudFs.EndToEndTests.Cluster;
using Dapper;
using MySqlConnector;

namespace CloudFs.EndToEndTests.Operations;

/// <summary>
/// Host inventory and statistics on three real hosts (issue 17): every role server reports each
/// second, the catalog's host and stat tables fill, and alerts reach /recon/alerts, the metrics,
/// /admin/alerts and the CLI. Host 2's device is a 16 MiB tmpfs, filled past 90% by a test.
/// </summary>
[Category("E2E")]
public class HostStatsTests
{
    private TestMariaDb _db = null!;
    private MultiHostCluster _cluster = null!;
    private TmpfsMount _device = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _db = await TestMariaDb.CreateAsync();
        var every = new Dictionary<string, string> { ["Server:HostReportSeconds"] = "1" };
        var account = new Dictionary<string, string>(every)
        {
            ["AccountServer:Hosts:SilenceCheckSeconds"] = "1",
            ["AccountServer:Hosts:SilentGraceSeconds"] = "2",
        };
        _cluster = new MultiHostCluster(_db.ConnectionString, settings: new Dictionary<string, IReadOnlyDictionary<string, string>>
        {
            ["proxy"] = every, ["account"] = account, ["container"] = every, ["object"] = every,
        });
        _device = new TmpfsMount(_cluster.Host(2).DevicePath("d1"));
        await _device.MountOrIgnoreAsync("16m");
        await _cluster.StartAsync();
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        await _cluster.DisposeAsync();
        await _device.UnmountAsync();
        await _db.DisposeAsync();
        Assert.That(_device.IsMounted, Is.False, $"{_device.Path} is still mounted");
    }

    [Test]
    public async Task EveryRoleServer_Reports_AndTheTablesFill()
    {
        // 3 hosts × (account, container, object) + the proxy, each with a few samples.
        await Wait.UntilAsync(async () => await ScalarAsync("SELECT COUNT(*) FROM host WHERE last_seq >= 3") == 10,
            "all ten role servers reported three times", TimeSpan.FromSeconds(60));

        var hosts = await _cluster.CliAsync("hosts");
        var stats = await _cluster.CliAsync("stats", $"{_cluster.Host(2).Address}:7013", "--since", "5m");
        await TestContext.Out.WriteLineAsync($"$ cloudfs hosts\n{hosts.Output}\n$ cloudfs stats {_cluster.Host(2).Address}:7013 --since 5m\n{stats.Output}");
        // Disks come from /proc/diskstats and /sys/block, which a container may not have.
        var machineHasDisks = new HostSampler().Sample().Disks.Count > 0;
        Assert.Multiple(async () =>
        {
            Assert.That(await ScalarAsync("SELECT COUNT(*) FROM host_cpu WHERE cores >= 1"), Is.EqualTo(10));
            Assert.That(await ScalarAsync("SELECT COUNT(*) FROM host_mem WHERE total_bytes > 0"), Is.EqualTo(10));
            Assert.That(await ScalarAsync("SELECT COUNT(DISTINCT host_id) FROM host_net WHERE iface = 'lo'"), Is.EqualTo(10));
            Assert.That(await ScalarAsync("SELECT COUNT(DISTINCT host_id) FROM stat_cpu"), Is.EqualTo(10));
            Assert.That(await ScalarAsync("SELECT COUNT(DISTINCT host_id) FROM stat_mem WHERE process_rss_bytes > 0"), Is.EqualTo(10));
            Assert.That(await ScalarAsync("SELECT COUNT(DISTINCT host_id) FROM stat_net WHERE rx_bytes > 0"), Is.EqualTo(10), "loopback carries the reports");
            Assert.That(await ScalarAsync("SELECT COUNT(DISTINCT s.host_id) FROM stat_storage s JOIN host h ON h.id = s.host_id WHERE h.role = 'object' AND s.device = 'd1'"),
                Is.EqualTo(3), "each object server's device");
            Assert.That(await ScalarAsync("SELECT COUNT(DISTINCT host_id) FROM stat_disk"), Is.EqualTo(machineHasDisks ? 10 : 0));
            Assert.That(await ScalarAsync("SELECT COUNT(DISTINCT host_id) FROM host_disk"), Is.EqualTo(machineHasDisks ? 10 : 0));
            Assert.That(hosts.ExitCode, Is.Zero, hosts.ToString());
            foreach (var host in _cluster.Hosts)
            {
                foreach (var port in new[] { 7011, 7012, 7013 })
                {
                    Assert.That(hosts.Output, Does.Contain($"{host.Address}:{port}"));
                }
            }

            Assert.That(stats.ExitCode, Is.Zero, stats.ToString());
            Assert.That(stats.Output, Does.Contain("CPU").And.Contain("MEMORY").And.Contain("NETWORK").And.Contain("STORAGE").And.Contain("d1"));
        });
    }

    [Test]
    public async Task DeviceFilledPastNinetyPercent_RaisesDeviceFull_Everywhere_UntilFreed()
    {
        var filler = Path.Combine(_device.Path, "filler");
        await File.WriteAllBytesAsync(filler, new byte[15 * 1024 * 1024]);
        try
        {
            var object2 = _cluster.Url("object", 2, "/recon/alerts");
            await Wait.UntilAsync(async () => (await _cluster.Http.GetStringAsync(object2)).Contains("device_full", StringComparison.Ordinal),
                "device_full in host 2's /recon/alerts", TimeSpan.FromSeconds(30));
            await Wait.UntilAsync(async () => (await _cluster.CliAsync("alerts")).Output.Contains("device_full", StringComparison.Ordinal),
                "device_full in `cloudfs alerts`", TimeSpan.FromSeconds(30));

            var recon = JsonNode.Parse(await _cluster.Http.GetStringAsync(object2))!.AsArray();
            var metrics = await _cluster.Http.GetStringAsync(_cluster.Url("object", 2, "/metrics"));
            var otherMetrics = await _cluster.Http.GetStringAsync(_cluster.Url("object", 1, "/metrics"));
            var cli = await _cluster.CliAsync("alerts");
            var admin = JsonNode.Parse((await _cluster.CliAsync("alerts", "--json")).Output)!.AsArray();
            await TestContext.Out.WriteLineAsync($"$ cloudfs alerts\n{cli.Output}");
            Assert.Multiple(() =>
            {
                Assert.That(recon.Select(a => $"{a!["kind"]} {a["subject"]}"), Is.EqualTo(new[] { "device_full d1" }));
                Assert.That((string?)recon[0]!["detail"], Does.Contain("% full"));
                Assert.That(Gauge(metrics, "device_full"), Is.EqualTo(1), "cloudfs_alerts on host 2's object server");
                Assert.That(Gauge(otherMetrics, "device_full"), Is.Zero, "host 1's device has room");
                Assert.That(admin.Where(a => (string?)a!["kind"] == "device_full").Select(a => $"{a!["address"]}:{a["port"]} {a["subject"]}"),
                    Is.EqualTo(new[] { $"{_cluster.Host(2).Address}:7013 d1" }));
                Assert.That(cli.Output, Does.Contain($"{_cluster.Host(2).Address}:7013"));
            });
        }
        finally
        {
            File.Delete(filler);
        }

        await Wait.UntilAsync(async () => !(await _cluster.CliAsync("alerts")).Output.Contains("device_full", StringComparison.Ordinal),
            "device_full gone once the device has room", TimeSpan.FromSeconds(30));
    }

    [Test]
    public async Task StoppedServer_IsReportedSilent_UntilItReportsAgain()
    {
        var silent = $"{_cluster.Host(3).Address}:7012";
        _cluster.Kill("container", 3);
        try
        {
            await Wait.UntilAsync(async () => await SilentAsync(silent), "host_silent for host 3's container server", TimeSpan.FromSeconds(30));
            // Each account server checks for silent hosts every second and says so in its own /recon/alerts.
            await Wait.UntilAsync(async () => (await _cluster.Http.GetStringAsync(_cluster.Url("account", 1, "/recon/alerts"))).Contains(silent, StringComparison.Ordinal),
                "host_silent in account server 1's /recon/alerts", TimeSpan.FromSeconds(10));
        }
        finally
        {
            _cluster.Start("container", 3);
            await _cluster.WaitHealthyAsync("container", 3);
        }

        await Wait.UntilAsync(async () => !await SilentAsync(silent), "no longer silent once it reports", TimeSpan.FromSeconds(30));
    }

    private async Task<bool> SilentAsync(string address)
    {
        var alerts = await _cluster.CliAsync("alerts", "--json");
        return JsonNode.Parse(alerts.Output)!.AsArray().Any(a => (string?)a!["kind"] == "host_silent" && $"{a["address"]}:{a["port"]}" == address);
    }

    private static double Gauge(string metrics, string kind) => double.Parse(
        metrics.Split('\n').Single(line => line.StartsWith("cloudfs_alerts{", StringComparison.Ordinal) && line.Contains($"kind=\"{kind}\"", StringComparison.Ordinal))
            .Split(' ')[^1], System.Globalization.CultureInfo.InvariantCulture);

    private async Task<long> ScalarAsync(string sql)
    {
        await using var connection = new MySqlConnection(_db.ConnectionString);
        return await connection.ExecuteScalarAsync<long>(sql);
    }
}
