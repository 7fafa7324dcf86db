using System.Net;
using System.Text.Json.Nodes;
using CloudFs.EndToEndTests.Cluster;
using Dapper;
using Microsoft.Data.Sqlite;

namespace CloudFs.EndToEndTests.Foundation;

/// <summary>The four roles as real processes on the embedded SQLite catalog.</summary>
[Category("E2E")]
public class ClusterStartTests
{
    private CloudFsCluster _cluster = null!;

    [SetUp]
    public async Task StartClusterAsync()
    {
        _cluster = new CloudFsCluster();
        await _cluster.StartAsync();
    }

    [TearDown]
    public async Task StopClusterAsync() => await _cluster.DisposeAsync();

    [TestCase("proxy")]
    [TestCase("account")]
    [TestCase("container")]
    [TestCase("object")]
    public async Task Healthcheck_EveryRole_AnswersOkWithTransId(string role)
    {
        using var response = await _cluster.Http.GetAsync(_cluster.Url(role, "/healthcheck"));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(await response.Content.ReadAsStringAsync(), Is.EqualTo("OK"));
        Assert.That(response.Headers.GetValues("X-Trans-Id").Single(), Does.Match("^tx[0-9a-f]{21}-[0-9a-f]{10}$"));
    }

    [TestCase("proxy")]
    [TestCase("account")]
    [TestCase("container")]
    [TestCase("object")]
    public async Task Recon_EveryRole_ReportsRoleVersionNodeAndConfig(string role)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, _cluster.Url(role, "/recon"));
        if (role == "proxy")
        {
            // On the public port /recon is for cluster admins.
            request.Headers.Add("X-Auth-Token", (await Proxy.ProxyHttp.LoginAsync(_cluster, "admin:admin", _cluster.AdminPassword)).Token);
        }

        using var response = await _cluster.Http.SendAsync(request);
        var recon = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        Assert.That((string?)recon["role"], Is.EqualTo(role));
        Assert.That((string?)recon["version"], Does.Match(@"^\d+\.\d+\.\d+"));
        Assert.That(Guid.TryParse((string?)recon["node_id"], out _), Is.True);
        Assert.That((double?)recon["uptime_seconds"], Is.GreaterThanOrEqualTo(0));
        Assert.That((string?)recon["config_file"], Is.EqualTo(_cluster.ConfigPath(role)));
        Assert.That((string?)recon["config"]?["Server"]?["Port"], Is.EqualTo(CloudFsCluster.Roles[role].Port.ToString()));
        Assert.That(recon.ToJsonString(), Does.Not.Contain("e2e-suffix"), "cluster secrets are masked");
    }

    [Test]
    public async Task Recon_OnTheProxy_IsForAdminsOnly_AndShowsNoDatabaseCredentials()
    {
        var (tester, _) = await Proxy.ProxyHttp.LoginAsync(_cluster, "test:tester", "testing");

        using var anonymous = await _cluster.Http.GetAsync(_cluster.Url("proxy", "/recon"));
        using var user = await Proxy.ProxyHttp.SendAsync(_cluster, HttpMethod.Get, "/recon/version", tester);

        Assert.That(anonymous.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(user.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        var account = await _cluster.Http.GetStringAsync(_cluster.Url("account", "/recon"));
        Assert.That((string?)JsonNode.Parse(account)!["config"]?["Catalog"]?["ConnectionString"], Is.EqualTo("***"));
    }

    [Test]
    public async Task ShippedHashPathSecrets_AreRefusedAtStart_UnlessDevelopment()
    {
        // The repository's own etc/cloudfs.json, as a package would install it beside the role's config.
        var etc = Directory.CreateDirectory(Path.Combine(_cluster.Root, "etc-shipped")).FullName;
        File.Copy(Path.Combine(RepoPaths.Root, "etc", "cloudfs.json"), Path.Combine(etc, "cloudfs.json"));
        var config = Path.Combine(etc, "container-server.json");
        File.Copy(_cluster.ConfigPath("container"), config);

        using var server = ServerProcess.Start("ContainerServer", config, _cluster.Root);
        await Wait.UntilAsync(() => Task.FromResult(server.HasExited), "the server refuses to start", TimeSpan.FromSeconds(60));

        Assert.That(server.ReadLog(), Does.Contain("are still the shipped 'changeme' values"));
    }

    [Test]
    public async Task NodeId_AfterRestart_StaysTheSame()
    {
        var before = await NodeIdAsync("object");

        _cluster.Stop("object");
        _cluster.Start("object");
        await _cluster.WaitHealthyAsync("object");

        Assert.That(await NodeIdAsync("object"), Is.EqualTo(before));
        Assert.That(await NodeIdAsync("container"), Is.Not.EqualTo(before));
    }

    [Test]
    public async Task Healthcheck_DisableFilePresent_Answers503()
    {
        await File.WriteAllTextAsync(Path.Combine(_cluster.Root, "disable-container"), "");

        using var response = await _cluster.Http.GetAsync(_cluster.Url("container", "/healthcheck"));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.ServiceUnavailable));
        Assert.That(await response.Content.ReadAsStringAsync(), Is.EqualTo("DISABLED BY FILE"));
    }

    [Test]
    public async Task EnvironmentVariable_OverridesConfigFile()
    {
        _cluster.Stop("proxy");
        _cluster.Start("proxy", new Dictionary<string, string> { ["CLOUDFS_Server__Port"] = "7020" });

        var deadline = DateTime.UtcNow.AddSeconds(60);
        HttpResponseMessage? response = null;
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                response = await _cluster.Http.GetAsync(new Uri($"http://{_cluster.Address}:7020/healthcheck"));
                break;
            }
            catch (HttpRequestException)
            {
                await Task.Delay(200);
            }
        }

        Assert.That(response?.StatusCode, Is.EqualTo(HttpStatusCode.OK), _cluster.Server("proxy").ReadLog());
    }

    [Test]
    public async Task Catalog_FirstStart_HasSchemaAndBootstrapUsers()
    {
        await using var connection = new SqliteConnection($"Data Source={_cluster.SqlitePath}");
        await connection.OpenAsync();

        var users = (await connection.QueryAsync<string>("SELECT account || ':' || username || ':' || type FROM user ORDER BY id")).ToList();
        var accounts = (await connection.QueryAsync<string>("SELECT name FROM stobj WHERE type = 'account' ORDER BY name")).ToList();
        var hashes = (await connection.QueryAsync<string>("SELECT password_hash FROM user")).ToList();

        Assert.That(users, Is.EqualTo(new[] { "admin:admin:admin", "test:tester:owner" }));
        Assert.That(accounts, Is.EqualTo(new[] { "AUTH_admin", "AUTH_test" }));
        Assert.That(hashes, Has.All.StartsWith("pbkdf2-sha512$"));
        Assert.That(hashes, Has.None.Contain("testing"));
    }

    private async Task<string?> NodeIdAsync(string role) =>
        (string?)JsonNode.Parse(await _cluster.Http.GetStringAsync(_cluster.Url(role, "/recon")))!["node_id"];
}
