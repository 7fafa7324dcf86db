using System.Net;
using System.Text.Json;
using CloudFs.EndToEndTests.Cluster;
using CloudFs.EndToEndTests.Proxy;

namespace CloudFs.EndToEndTests.Operations;

/// <summary>
/// /metrics on every role, scraped as Prometheus text before and after a known workload, and the
/// JSON log format, on one cluster of real processes.
/// </summary>
[Category("E2E")]
public class MetricsAndLogsTests
{
    private const int Objects = 5;
    // Over the proxy's small-body limit (64 KiB), so every GET reaches the object server and is counted there.
    private const int Size = 100_000;

    private static readonly string[] RoleNames = ["proxy", "account", "container", "object"];

    private CloudFsCluster _cluster = null!;

    [OneTimeSetUp]
    public async Task StartClusterAsync()
    {
        _cluster = new CloudFsCluster();
        await _cluster.StartAsync(new Dictionary<string, string>
        {
            ["CLOUDFS_Logging__Format"] = "json",
            // Only the test runner's own address may scrape (connections to 127.0.0.x come from 127.0.0.1).
            ["CLOUDFS_Metrics__AllowFrom__0"] = "127.0.0.1/32",
            ["CLOUDFS_AccountServer__BacklogSampleSeconds"] = "1",
        });
    }

    [OneTimeTearDown]
    public async Task StopClusterAsync() => await _cluster.DisposeAsync();

    [Test]
    public async Task Scrape_AfterAKnownWorkload_EveryRoleCountedIt()
    {
        var before = await ScrapeAllAsync();
        var (token, storageUrl) = await ProxyHttp.LoginAsync(_cluster, "test:tester", "testing");
        var account = new Uri(storageUrl).AbsolutePath;
        using (var created = await ProxyHttp.SendAsync(_cluster, HttpMethod.Put, $"{account}/metered", token))
        {
            Assert.That((int)created.StatusCode, Is.EqualTo(201));
        }

        var body = new byte[Size];
        Random.Shared.NextBytes(body);
        for (var i = 0; i < Objects; i++)
        {
            using var put = await ProxyHttp.SendAsync(_cluster, HttpMethod.Put, $"{account}/metered/o{i}", token, new ByteArrayContent(body));
            Assert.That((int)put.StatusCode, Is.EqualTo(201));
            using var get = await ProxyHttp.SendAsync(_cluster, HttpMethod.Get, $"{account}/metered/o{i}", token);
            Assert.That(await get.Content.ReadAsByteArrayAsync(), Is.EqualTo(body));
        }

        using (var missing = await ProxyHttp.SendAsync(_cluster, HttpMethod.Get, $"{account}/metered/nothing-here", token))
        {
            Assert.That((int)missing.StatusCode, Is.EqualTo(404));
        }

        // A server records a request once its answer is sent, which may be just after the client
        // read it: scrape until the last requests of the workload show, then check everything.
        var after = await ScrapeAllAsync();
        await Wait.UntilAsync(async () =>
        {
            after = await ScrapeAllAsync();
            return Moved(before, after, "proxy", "http_server_request_duration_seconds_count", ("http_request_method", "GET"), ("http_response_status_code", "404")) >= 1
                && Moved(before, after, "object", "cloudfs_http_server_sent_bytes_total", ("http_request_method", "GET")) >= Objects * Size;
        }, "the workload's last requests are counted", TimeSpan.FromSeconds(20));

        Assert.Multiple(() =>
        {
            // The proxy: requests by verb and status, body bytes both ways.
            Assert.That(Moved(before, after, "proxy", "http_server_request_duration_seconds_count", ("http_request_method", "PUT"), ("http_response_status_code", "201")),
                Is.EqualTo(Objects + 1));
            Assert.That(Moved(before, after, "proxy", "http_server_request_duration_seconds_count", ("http_request_method", "GET"), ("http_response_status_code", "404")),
                Is.EqualTo(1));
            Assert.That(Moved(before, after, "proxy", "cloudfs_http_server_received_bytes_total", ("http_request_method", "PUT")), Is.EqualTo(Objects * Size));
            Assert.That(Moved(before, after, "proxy", "cloudfs_http_server_sent_bytes_total", ("http_request_method", "GET")), Is.GreaterThanOrEqualTo(Objects * Size));
            Assert.That(after["proxy"].Sum("cloudfs_backend_error_limited_nodes"), Is.Zero);

            // The object server stored and served every byte.
            Assert.That(Moved(before, after, "object", "cloudfs_object_stored_bytes_total"), Is.EqualTo(Objects * Size));
            Assert.That(Moved(before, after, "object", "cloudfs_object_stored_blobs_total"), Is.EqualTo(Objects));
            Assert.That(Moved(before, after, "object", "cloudfs_http_server_sent_bytes_total", ("http_request_method", "GET")), Is.EqualTo(Objects * Size));
            Assert.That(after["object"].Has("cloudfs_replication_passes_total") && after["object"].Has("cloudfs_auditor_checked_total"), Is.True);

            // The account server committed every upload; the journal is empty.
            Assert.That(Moved(before, after, "account", "cloudfs_catalog_work_duration_seconds_count", ("kind", "write"), ("outcome", "ok")),
                Is.GreaterThanOrEqualTo(Objects + 1));
            Assert.That(Moved(before, after, "account", "cloudfs_catalog_transaction_duration_seconds_count", ("kind", "write"), ("outcome", "commit")),
                Is.GreaterThan(0));
            Assert.That(Moved(before, after, "account", "cloudfs_catalog_group_size_count"), Is.GreaterThan(0), "SQLite writes go through group commit");
            Assert.That(after["account"].Sum("cloudfs_journal_pending"), Is.Zero);

            // The container server answered the proxy's lookups from the catalog.
            Assert.That(Moved(before, after, "container", "http_server_request_duration_seconds_count"), Is.GreaterThan(0));
            Assert.That(Moved(before, after, "container", "cloudfs_catalog_transaction_duration_seconds_count", ("kind", "read")), Is.GreaterThan(0));

            foreach (var role in RoleNames)
            {
                Assert.That(after[role].Matching("target_info").Single().Labels["service_name"], Is.EqualTo("cloudfs-" + role));
            }
        });
    }

    [Test]
    public async Task Admissions_WithoutQuota_AskedOncePerContainer_WithAQuota_AskedForEveryUpload()
    {
        var (token, storageUrl) = await ProxyHttp.LoginAsync(_cluster, "test:tester", "testing");
        var account = new Uri(storageUrl).AbsolutePath;
        var body = new byte[1000];
        async Task<int> PutAsync(string path)
        {
            using var put = await ProxyHttp.SendAsync(_cluster, HttpMethod.Put, $"{account}/{path}", token, new ByteArrayContent(body));
            return (int)put.StatusCode;
        }

        async Task<int> PostAsync(string path, string header, string value)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, _cluster.Url("proxy", $"{account}/{path}"));
            request.Headers.Add("X-Auth-Token", token);
            request.Headers.Add(header, value);
            using var response = await _cluster.Http.SendAsync(request);
            return (int)response.StatusCode;
        }

        foreach (var container in new[] { "admitted", "quota-later" })
        {
            using var created = await ProxyHttp.SendAsync(_cluster, HttpMethod.Put, $"{account}/{container}", token);
            Assert.That((int)created.StatusCode, Is.EqualTo(201));
        }

        var before = await ScrapeAllAsync();
        // No quota anywhere: the first upload is admitted, the next three reuse its answer.
        var plain = new List<int>();
        for (var i = 0; i < 4; i++)
        {
            plain.Add(await PutAsync($"admitted/o{i}"));
        }

        // A quota set through this proxy: every upload is admitted (and reserves) from then on,
        // and one over the quota is refused before its body is stored.
        var first = await PutAsync("quota-later/a");
        var quota = await PostAsync("quota-later", "X-Container-Meta-Quota-Bytes", "2500");
        var within = await PutAsync("quota-later/b");
        var over = await PutAsync("quota-later/c");

        Assert.That(plain, Is.All.EqualTo(201));
        Assert.That((first, quota, within, over), Is.EqualTo((201, 204, 201, 413)));
        const int Admitted = 1 + 1 + 2;
        var after = before;
        await Wait.UntilAsync(async () =>
        {
            after = await ScrapeAllAsync();
            return Moved(before, after, "object", "cloudfs_object_stored_blobs_total") >= 6
                && Moved(before, after, "account", "http_server_request_duration_seconds_count", ("http_route", "/admit/{**rest}")) >= Admitted;
        }, "the uploads are counted", TimeSpan.FromSeconds(20));
        Assert.Multiple(() =>
        {
            Assert.That(Moved(before, after, "account", "http_server_request_duration_seconds_count", ("http_route", "/admit/{**rest}")), Is.EqualTo(Admitted),
                "admissions: the first of the container without quota, then one per upload once the quota is set");
            Assert.That(Moved(before, after, "account", "http_server_request_duration_seconds_count", ("http_route", "/admit/{**rest}"), ("http_response_status_code", "413")),
                Is.EqualTo(1), "the upload over the quota is refused at its admission");
            Assert.That(Moved(before, after, "object", "cloudfs_object_stored_blobs_total"), Is.EqualTo(6), "the refused upload stored nothing");
        });
    }

    [Test]
    public async Task Backlog_Gauges_AreCountedFromTheCatalog()
    {
        // Sampled every second here (-1: not counted yet), so a sample may still show the room an
        // upload of another test held while it ran: once every upload answered, the next samples
        // must show none held (a leaked reservation would keep it above 0 past the wait).
        await Wait.UntilAsync(async () => (await ScrapeAsync("account")).Sum("cloudfs_catalog_reservations") == 0,
            "the account server counts its backlog, and no upload holds room once it answered", TimeSpan.FromSeconds(20));
        var scrape = await ScrapeAsync("account");

        Assert.That(scrape.Sum("cloudfs_catalog_garbage"), Is.GreaterThanOrEqualTo(0));
    }

    [TestCase("proxy")]
    [TestCase("object")]
    public async Task Scrape_FromAnAddressOutsideAllowFrom_Is403(string role)
    {
        var url = _cluster.Url(role, "/metrics").ToString();

        var outside = await ToolRunner.RunAsync("curl", ["-s", "-o", "/dev/null", "-w", "%{http_code}", "--interface", "127.0.0.9", url]);
        var inside = await ToolRunner.RunAsync("curl", ["-s", "-o", "/dev/null", "-w", "%{http_code}", url]);

        Assert.That(outside.Output, Is.EqualTo("403"), outside.ToString());
        Assert.That(inside.Output, Is.EqualTo("200"), inside.ToString());
    }

    [Test]
    public async Task Logs_AsJson_AreOneObjectALine_AndTheRequestLineCarriesTheTransId()
    {
        using var response = await _cluster.Http.GetAsync(_cluster.Url("proxy", "/healthcheck"));
        var transId = response.Headers.GetValues("X-Trans-Id").Single();

        JsonElement? requestLine = null;
        await Wait.UntilAsync(() =>
        {
            requestLine = JsonLines(_cluster.Server("proxy").ReadLog())
                .Where(l => l.GetProperty("State").TryGetProperty("TransId", out var id) && id.GetString() == transId)
                .Select(l => (JsonElement?)l).FirstOrDefault();
            return Task.FromResult(requestLine is not null);
        }, "the proxy logs the request", TimeSpan.FromSeconds(10));

        var state = requestLine!.Value.GetProperty("State");
        Assert.Multiple(() =>
        {
            Assert.That(state.GetProperty("Method").GetString(), Is.EqualTo("GET"));
            Assert.That(state.GetProperty("Path").GetString(), Is.EqualTo("/healthcheck"));
            Assert.That(state.GetProperty("Status").GetInt32(), Is.EqualTo(200));
            Assert.That(requestLine.Value.GetProperty("Timestamp").GetString(), Does.EndWith("Z"));
            Assert.That(requestLine.Value.GetProperty("Scopes").EnumerateArray().Any(s => s.TryGetProperty("TransId", out var id) && id.GetString() == transId),
                Is.True, "the transaction id scope is on the line");
        });

        foreach (var role in RoleNames)
        {
            // Every line of every role parses (JsonLines throws on one that does not).
            Assert.That(JsonLines(_cluster.Server(role).ReadLog()).Count(), Is.GreaterThan(0), role);
        }
    }

    private static IEnumerable<JsonElement> JsonLines(string log)
    {
        var lines = new List<JsonElement>();
        foreach (var line in log.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            try
            {
                using var doc = JsonDocument.Parse(line);
                lines.Add(doc.RootElement.Clone());
            }
            catch (JsonException ex)
            {
                throw new AssertionException($"Not a JSON log line: {line} ({ex.Message})");
            }
        }

        return lines;
    }

    private static double Moved(Dictionary<string, PrometheusScrape> before, Dictionary<string, PrometheusScrape> after, string role, string name,
        params (string Label, string Value)[] where) =>
        after[role].Sum(name, where) - before[role].Sum(name, where);

    private async Task<Dictionary<string, PrometheusScrape>> ScrapeAllAsync()
    {
        var scrapes = new Dictionary<string, PrometheusScrape>();
        foreach (var role in RoleNames)
        {
            scrapes[role] = await ScrapeAsync(role);
        }

        return scrapes;
    }

    private async Task<PrometheusScrape> ScrapeAsync(string role)
    {
        using var response = await _cluster.Http.GetAsync(_cluster.Url(role, "/metrics"));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), role);
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("text/plain"), role);
        return PrometheusScrape.Parse(await response.Content.ReadAsStringAsync());
    }
}
