using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CloudFs.Catalog;
using CloudFs.Common.Contracts;
using CloudFs.IntegrationTests.Hosting;

namespace CloudFs.IntegrationTests.AccountServer;

/// <summary>Host reports into the catalog, and what admins read back: hosts, series, alerts, retention.</summary>
public sealed class HostReportTests(CatalogProvider provider) : AccountServerTestBase(provider)
{
    private static readonly Guid Node = Guid.NewGuid();

    // Retention every second and a host silent one second after its last report, so tests need not wait long.
    protected override string[] ExtraArgs =>
    [
        "--AccountServer:Hosts:RetentionSeconds=1", "--AccountServer:Hosts:SilentAfterReports=1", "--AccountServer:Hosts:SilentGraceSeconds=0",
        "--AccountServer:Hosts:SilenceCheckSeconds=1", "--Server:HostReportSeconds=0",
    ];

    [Test]
    public async Task Report_FillsInventoryAndSeries_ReadBackByAdmins()
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        Assert.That(await ReportAsync(Report(1, now - 2000)), Is.EqualTo(HttpStatusCode.NoContent));
        Assert.That(await ReportAsync(Report(2, now - 1000)), Is.EqualTo(HttpStatusCode.NoContent));

        var hosts = (await GetJsonAsync("/hosts")).AsArray();
        var stats = await GetJsonAsync($"/hosts/{Node:D}/stats?since={now - 60_000}");

        Assert.That(hosts, Has.Count.EqualTo(1));
        var host = hosts[0]!;
        Assert.Multiple(() =>
        {
            Assert.That((string?)host["role"], Is.EqualTo("object"));
            Assert.That((string?)host["address"], Is.EqualTo("127.0.0.9"));
            Assert.That((int)host["cores"]!, Is.EqualTo(4));
            Assert.That((long)host["mem_total_bytes"]!, Is.EqualTo(8L << 30));
            Assert.That((double)host["cpu"]!["user_pct"]!, Is.EqualTo(12.5), "the latest sample");
            Assert.That((int)host["alerts"]!, Is.EqualTo(0));
            Assert.That((string?)stats["host"]!["node_id"], Is.EqualTo(Node.ToString("D")));
            Assert.That(stats["cpu"]!.AsArray().Select(c => (int)c!["seq"]!), Is.EqualTo(new[] { 1, 2 }), "oldest first");
            Assert.That(stats["net"]!.AsArray(), Has.Count.EqualTo(4), "two interfaces in each of two samples");
            Assert.That(stats["disk"]!.AsArray(), Has.Count.EqualTo(2));
            Assert.That(stats["storage"]!.AsArray().Select(s => (string?)s!["device"]).Distinct(), Is.EqualTo(new[] { "d1" }), "the unmounted d2 has no figures");
            Assert.That(stats["interfaces"]!.AsArray().Select(i => (string?)i!["iface"]), Is.EqualTo(new[] { "eth0", "lo" }));
        });
        Assert.That(await ScalarAsync<long>("SELECT COUNT(*) FROM host_disk"), Is.EqualTo(1));
        Assert.That(await ScalarAsync<long>("SELECT COUNT(*) FROM stat_mem"), Is.EqualTo(2));
    }

    [Test]
    public async Task SameReportTwice_IsStoredOnce()
    {
        var report = Report(7, DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());

        await ReportAsync(report);
        Assert.That(await ReportAsync(report), Is.EqualTo(HttpStatusCode.NoContent));

        Assert.That(await ScalarAsync<long>("SELECT COUNT(*) FROM stat_cpu"), Is.EqualTo(1));
        Assert.That(await ScalarAsync<long>("SELECT COUNT(*) FROM stat_net"), Is.EqualTo(2));
    }

    [Test]
    public async Task Alerts_FollowTheLatestReport_KeepingWhenTheyStarted()
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        var full = new HostAlert(HostAlertKinds.DeviceFull, "d1", "d1 is 95.0% full");
        await ReportAsync(Report(1, now) with { Alerts = [full] });
        var first = (await GetJsonAsync("/hosts/alerts")).AsArray().Single(a => (string?)a!["kind"] == "device_full")!;
        await Task.Delay(20);
        await ReportAsync(Report(2, now + 1) with { Alerts = [full with { Detail = "d1 is 96.0% full" }] });
        var ongoing = (await GetJsonAsync("/hosts/alerts")).AsArray().Single(a => (string?)a!["kind"] == "device_full")!;
        await ReportAsync(Report(3, now + 2));
        var after = (await GetJsonAsync("/hosts/alerts")).AsArray();

        Assert.Multiple(() =>
        {
            Assert.That((string?)first["subject"], Is.EqualTo("d1"));
            Assert.That((string?)first["address"], Is.EqualTo("127.0.0.9"));
            Assert.That((string?)ongoing["detail"], Is.EqualTo("d1 is 96.0% full"));
            Assert.That((long)ongoing["since"]!, Is.EqualTo((long)first["since"]!), "an ongoing alert keeps its start");
            Assert.That(after.Where(a => (string?)a!["kind"] == "device_full"), Is.Empty, "gone once a report no longer raises it");
        });
    }

    [Test]
    public async Task HostThatStopsReporting_IsSilent()
    {
        await ReportAsync(Report(1, DateTimeOffset.UtcNow.ToUnixTimeMilliseconds()) with { IntervalSeconds = 1 });

        await Wait.UntilAsync(async () => (await GetJsonAsync("/hosts/alerts")).AsArray().Any(a => (string?)a!["kind"] == "host_silent"),
            "host_silent after a missed report", TimeSpan.FromSeconds(15));
        var hosts = await GetJsonAsync("/hosts");
        // The account server's own /recon/alerts says so too, from its periodic check.
        await Wait.UntilAsync(async () => (await Client.GetStringAsync("/recon/alerts")).Contains("host_silent", StringComparison.Ordinal),
            "host_silent in /recon/alerts", TimeSpan.FromSeconds(15));

        Assert.That((bool)hosts[0]!["silent"]!, Is.True);
    }

    [Test]
    public async Task Retention_FoldsOldSamplesIntoBuckets_AndDropsTheOldest()
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        const long bucket = 300_000;
        var twoDaysAgo = now - (2 * 86_400_000L);
        twoDaysAgo -= twoDaysAgo % bucket;
        // Three samples in one five-minute bucket two days ago, one 40 days ago, one now.
        await ReportAsync(Report(1, twoDaysAgo + 1000, user: 10, rx: 100));
        await ReportAsync(Report(2, twoDaysAgo + 2000, user: 20, rx: 300));
        await ReportAsync(Report(3, twoDaysAgo + 3000, user: 30, rx: 200));
        await ReportAsync(Report(4, now - (40 * 86_400_000L)));
        await ReportAsync(Report(5, now));

        await Wait.UntilAsync(async () => await ScalarAsync<long>("SELECT COUNT(*) FROM stat_cpu") == 2, "retention ran", TimeSpan.FromSeconds(20));
        var stats = await GetJsonAsync($"/hosts/{Node:D}/stats?since={now - (60 * 86_400_000L)}&until={now + 1}");

        var cpu = stats["cpu"]!.AsArray();
        var lo = stats["net"]!.AsArray().Where(n => (string?)n!["iface"] == "lo").ToList();
        Assert.Multiple(() =>
        {
            Assert.That(cpu.Select(c => ((long)c!["ts"]!, (int)c["seq"]!)), Is.EqualTo(new[] { (twoDaysAgo, 0), (now, 5) }));
            Assert.That((double)cpu[0]!["user_pct"]!, Is.EqualTo(20).Within(1e-9), "shares average over the bucket");
            Assert.That((long)lo[0]!["rx_bytes"]!, Is.EqualTo(300), "running totals keep their peak");
            Assert.That(lo, Has.Count.EqualTo(2));
        });
    }

    [Test]
    public async Task BadReports_AreRefused_AndReadsNeedAnAdmin()
    {
        using var garbage = Backend.Request(HttpMethod.Post, "/hosts/report", Backend.Admin);
        garbage.Content = new StringContent("{not json", System.Text.Encoding.UTF8, "application/json");
        using var refused = await Client.SendAsync(garbage);

        Assert.Multiple(async () =>
        {
            Assert.That(refused.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(await ReportAsync(Report(0, 1)), Is.EqualTo(HttpStatusCode.BadRequest), "seq starts at 1");
            Assert.That(await ReportAsync(Report(1, 1) with { NodeId = Guid.Empty }), Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(await StatusAsync(HttpMethod.Get, "/hosts", Backend.Owner), Is.EqualTo(HttpStatusCode.Forbidden));
            Assert.That(await StatusAsync(HttpMethod.Get, "/hosts/alerts", Backend.Owner), Is.EqualTo(HttpStatusCode.Forbidden));
            Assert.That(await StatusAsync(HttpMethod.Get, "/hosts/nosuch/stats", Backend.Admin), Is.EqualTo(HttpStatusCode.NotFound));
        });
        Assert.That(await ScalarAsync<long>("SELECT COUNT(*) FROM host"), Is.EqualTo(0), "nothing half written");
    }

    private static HostReport Report(int seq, long ts, double user = 12.5, long rx = 1000) => new(
        Node, "storage-9", "object", "127.0.0.9", 7013, "0.1.0", ts - 60_000, 30, seq, ts,
        new HostSample(
            new CpuSample(4, "Test CPU", user, 5, 1, 100 - user - 6, 0.5),
            new MemSample(8L << 30, 3L << 30, 5L << 30, 1L << 30, 200L << 20),
            [new NetSample("eth0", "10.0.0.9", 1000, rx * 2, rx), new NetSample("lo", "127.0.0.1", null, rx, rx)],
            [new DiskSample("vda", "/dev/vda", 100L << 30, 1 << 20, 2 << 20, 10, 20)]),
        [new StorageSample("d1", "/srv/d1", true, 10L << 30, 4L << 30, 6L << 30, 42), new StorageSample("d2", "/srv/d2", false, 0, 0, 0, 0)],
        []);

    private async Task<HttpStatusCode> ReportAsync(HostReport report)
    {
        using var request = Backend.Request(HttpMethod.Post, "/hosts/report", Backend.Admin);
        request.Content = JsonContent.Create(report, ContractJson.Default.HostReport);
        using var response = await Client.SendAsync(request);
        return response.StatusCode;
    }

    private async Task<JsonNode> GetJsonAsync(string path)
    {
        using var response = await SendAsync(HttpMethod.Get, path, Backend.Admin);
        var text = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), text);
        return JsonNode.Parse(text)!;
    }
}
