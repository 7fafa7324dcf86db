using System.Net;
using System.Text.Json.Nodes;
using CloudFs.Catalog;
using CloudFs.IntegrationTests.Hosting;
using MySqlConnector;

namespace CloudFs.IntegrationTests.ContainerServer;

/// <summary>
/// The real container server process under a MariaDB user holding nothing but SELECT on the
/// catalog database: it starts, answers every kind of read, and before the account server
/// has migrated the catalog it answers 503 rather than failing, then serves without a restart.
/// </summary>
[TestFixture]
public sealed class ReadOnlyCatalogUserTests
{
    private const long Ts = 173_244_123_456_789;

    private string _schema = "";
    private string _user = "";
    private CatalogOptions _admin = null!;
    private CatalogOptions _readOnly = null!;
    private ContainerServerProcess? _server;

    [SetUp]
    public async Task CreateDatabaseAndUserAsync()
    {
        _schema = TestDatabases.UniqueName("cloudfs_ro");
        _admin = await TestDatabases.CreateMySqlAsync(_schema);
        _user = "cfs_ro_" + Guid.NewGuid().ToString("N")[..8];
        var password = Guid.NewGuid().ToString("N");
        await AdminExecuteAsync($"CREATE USER '{_user}'@'%' IDENTIFIED BY '{password}'; GRANT SELECT ON `{_schema}`.* TO '{_user}'@'%'");
        _readOnly = new CatalogOptions
        {
            Provider = CatalogProvider.MySql,
            ConnectionString = new MySqlConnectionStringBuilder(_admin.ConnectionString) { UserID = _user, Password = password }.ConnectionString,
        };
    }

    [TearDown]
    public async Task DropDatabaseAndUserAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
            _server = null;
        }

        if (_user.Length > 0)
        {
            await AdminExecuteAsync($"DROP USER IF EXISTS '{_user}'@'%'");
        }

        if (_schema.Length > 0)
        {
            await TestDatabases.DropMySqlAsync(_schema);
        }
    }

    [Test]
    public async Task SelectOnlyUser_MigratedCatalog_ListingResolveTreeAndSearchAnswer()
    {
        await SeedAsync();
        await AssertReadOnlyAsync();

        _server = await ContainerServerProcess.StartAsync(_readOnly);

        Assert.That(await BodyAsync("/sda/1/AUTH_a/c"), Is.EqualTo("dir/a.txt\ndir/sub/b.txt\ntop.txt\n"));
        Assert.That(await BodyAsync("/sda/1/AUTH_a/c?delimiter=/"), Is.EqualTo("dir/\ntop.txt\n"));
        Assert.That(await BodyAsync("/sda/1/AUTH_a"), Is.EqualTo("c\n"));
        using (var head = await SendAsync(HttpMethod.Head, "/sda/1/AUTH_a/c"))
        {
            Assert.That(head.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
            Assert.That(head.Headers.GetValues("X-Container-Object-Count").Single(), Is.EqualTo("3"));
            Assert.That(head.Headers.GetValues("X-Container-Bytes-Used").Single(), Is.EqualTo("15"));
        }

        var resolved = JsonNode.Parse(await BodyAsync("/sda/1/AUTH_a/c/dir/a.txt"))!;
        Assert.That(resolved["name"]!.GetValue<string>(), Is.EqualTo("dir/a.txt"));
        Assert.That(resolved["bytes"]!.GetValue<long>(), Is.EqualTo(3));
        Assert.That(resolved["meta"]!["color"]!.GetValue<string>(), Is.EqualTo("grey"));
        using (var head = await SendAsync(HttpMethod.Head, "/sda/1/AUTH_a/c/dir/sub/b.txt"))
        {
            Assert.That(head.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        }

        using (var missing = await SendAsync(HttpMethod.Get, "/sda/1/AUTH_a/c/dir/nothing"))
        {
            Assert.That(missing.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        }

        var tree = JsonNode.Parse(await BodyAsync("/sda/1/AUTH_a/c?tree&depth=5"))!;
        Assert.That(tree["objects"]!.GetValue<long>(), Is.EqualTo(3));
        Assert.That(tree["bytes"]!.GetValue<long>(), Is.EqualTo(15));
        Assert.That(string.Join(' ', tree["children"]!.AsArray().Select(c => c!["name"]!.GetValue<string>())), Is.EqualTo("dir top.txt"));

        var search = JsonNode.Parse(await BodyAsync("/sda/1/AUTH_a?search&name=*.txt"))!;
        Assert.That(string.Join(' ', search["results"]!.AsArray().Select(h => h!["name"]!.GetValue<string>())),
            Is.EqualTo("dir/a.txt dir/sub/b.txt top.txt"));

        Assert.That(_server.Output, Does.Not.Contain("fail:").And.Not.Contain("crit:").And.Not.Contain("Exception"));
    }

    [Test]
    public async Task SelectOnlyUser_CatalogNotMigratedYet_503ThenServesOnceMigrated()
    {
        _server = await ContainerServerProcess.StartAsync(_readOnly);

        using (var early = await SendAsync(HttpMethod.Get, "/sda/1/AUTH_a/c"))
        {
            Assert.That(early.StatusCode, Is.EqualTo(HttpStatusCode.ServiceUnavailable));
        }

        using (var early = await SendAsync(HttpMethod.Get, "/sda/1/AUTH_a/c/top.txt"))
        {
            Assert.That(early.StatusCode, Is.EqualTo(HttpStatusCode.ServiceUnavailable));
        }

        // What the account server does when it starts: migrate (with its own, writing user).
        await SeedAsync();

        Assert.That(await BodyAsync("/sda/1/AUTH_a/c"), Is.EqualTo("dir/a.txt\ndir/sub/b.txt\ntop.txt\n"));
        Assert.That(_server.Output, Does.Not.Contain("fail:").And.Not.Contain("crit:"));
    }

    // The catalog user really cannot write: neither DDL (a migration) nor a row.
    private async Task AssertReadOnlyAsync()
    {
        await using var connection = new MySqlConnection(_readOnly.ConnectionString);
        await connection.OpenAsync();
        foreach (var sql in new[] { "CREATE TABLE probe (id INT)", "UPDATE quota SET used_bytes = 0" })
        {
            await using var command = new MySqlCommand(sql, connection);
            var denied = Assert.ThrowsAsync<MySqlException>(async () => await command.ExecuteNonQueryAsync());
            Assert.That(denied!.ErrorCode, Is.EqualTo(MySqlErrorCode.TableAccessDenied), sql);
        }
    }

    // AUTH_a/c: dir/a.txt (3 bytes, meta color=grey), dir/sub/b.txt (5), top.txt (7).
    private async Task SeedAsync()
    {
        await using var seed = await CatalogSeeder.OpenAsync(_admin);
        var account = await seed.AccountAsync("AUTH_a", Ts);
        var container = await seed.ContainerAsync(account, "c", Ts);
        var a = await seed.ObjectAsync(account, container, "dir/a.txt", 3, "etag-a", "text/plain", Ts);
        await seed.MetadataAsync(a, "user", "color", "grey");
        await seed.ObjectAsync(account, container, "dir/sub/b.txt", 5, "etag-b", "text/plain", Ts);
        await seed.ObjectAsync(account, container, "top.txt", 7, "etag-top", "text/plain", Ts);
    }

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string url)
    {
        using var request = new HttpRequestMessage(method, url);
        request.Headers.TryAddWithoutValidation("X-Backend-User-Type", "user");
        return await _server!.Client.SendAsync(request);
    }

    private async Task<string> BodyAsync(string url)
    {
        using var response = await SendAsync(HttpMethod.Get, url);
        var body = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), url + ": " + body);
        return body;
    }

    private async Task AdminExecuteAsync(string sql)
    {
        await using var connection = new MySqlConnection(TestDatabases.RequireMySql());
        await connection.OpenAsync();
        await using var command = new MySqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
