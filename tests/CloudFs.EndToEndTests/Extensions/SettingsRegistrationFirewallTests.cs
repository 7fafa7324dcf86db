using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using CloudFs.EndToEndTests.Cluster;
using CloudFs.EndToEndTests.Proxy;

namespace CloudFs.EndToEndTests.Extensions;

/// <summary>
/// The APIs the web console's sign-in and admin pages use: site settings (admins), self-
/// registration through the proxy (only while the setting is on), and the firewall's list of
/// what it disabled.
/// </summary>
[Category("E2E")]
public class SettingsRegistrationFirewallTests
{
    private CloudFsCluster _cluster = null!;
    private string _admin = "";
    private string _owner = "";

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _cluster = new CloudFsCluster();
        await _cluster.StartAsync();
        (_admin, _) = await ProxyHttp.LoginAsync(_cluster, "admin:admin", _cluster.AdminPassword);
        (_owner, _) = await ProxyHttp.LoginAsync(_cluster, "test:tester", "testing");
    }

    [OneTimeTearDown]
    public async Task StopAsync() => await _cluster.DisposeAsync();

    [Test]
    public async Task Registration_IsRefusedUntilAnAdminSwitchesItOn_ThenCreatesAnAccountThatCanSignIn()
    {
        Assert.That(await JsonAsync(HttpMethod.Get, "/auth/register", null), Is.EqualTo("""{"enabled":false}"""));
        using (var off = await RegisterAsync("newbie"))
        {
            Assert.That(off.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden), await off.Content.ReadAsStringAsync());
        }

        // Only admins, only known settings, only their values.
        Assert.That(await StatusAsync(HttpMethod.Get, "/admin/settings", _owner), Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That(await StatusAsync(HttpMethod.Put, "/admin/settings/self_registration", _owner, """{"value":"true"}"""), Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That(await StatusAsync(HttpMethod.Put, "/admin/settings/self_registration", _admin, """{"value":"yes"}"""), Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(await StatusAsync(HttpMethod.Put, "/admin/settings/no_such_thing", _admin, """{"value":"true"}"""), Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(await JsonAsync(HttpMethod.Get, "/admin/settings", _admin), Is.EqualTo("""{"self_registration":"false"}"""));

        Assert.That(await StatusAsync(HttpMethod.Put, "/admin/settings/self_registration", _admin, """{"value":"true"}"""), Is.EqualTo(HttpStatusCode.NoContent));
        try
        {
            Assert.That(await JsonAsync(HttpMethod.Get, "/admin/settings", _admin), Is.EqualTo("""{"self_registration":"true"}"""));
            Assert.That(await JsonAsync(HttpMethod.Get, "/auth/register", null), Is.EqualTo("""{"enabled":true}"""));
            using (var created = await RegisterAsync("newbie"))
            {
                var body = await created.Content.ReadAsStringAsync();
                Assert.That(created.StatusCode, Is.EqualTo(HttpStatusCode.Created), body);
                Assert.That((string?)JsonNode.Parse(body)!["user"], Is.EqualTo("newbie:newbie"));
            }

            var (token, storage) = await ProxyHttp.LoginAsync(_cluster, "newbie:newbie", "a-long-key");
            Assert.That(storage, Does.EndWith("/v1/AUTH_newbie"));
            Assert.That(await StatusAsync(HttpMethod.Put, "/v1/AUTH_newbie/mine", token), Is.EqualTo(HttpStatusCode.Created));
            using var again = await RegisterAsync("newbie");
            Assert.That(again.StatusCode, Is.EqualTo(HttpStatusCode.Conflict), "an account that exists is not taken over");
        }
        finally
        {
            await StatusAsync(HttpMethod.Put, "/admin/settings/self_registration", _admin, """{"value":"false"}""");
        }
    }

    [Test]
    public async Task Firewall_ListsWhatItDisabled_UntilItIsEnabledAgain()
    {
        Assert.That(await StatusAsync(HttpMethod.Put, "/v1/AUTH_test/fw", _owner), Is.EqualTo(HttpStatusCode.Created));
        Assert.That(await StatusAsync(HttpMethod.Put, "/v1/AUTH_test/fw/private/a.txt", _owner, "x"), Is.EqualTo(HttpStatusCode.Created));
        Assert.That(await StatusAsync(HttpMethod.Put, "/v1/AUTH_test/fw/open.txt", _owner, "x"), Is.EqualTo(HttpStatusCode.Created));
        Assert.That(await StatusAsync(HttpMethod.Post, "/admin/firewall/AUTH_test/fw/private/?state=disabled", _admin), Is.EqualTo(HttpStatusCode.NoContent));
        Assert.That(await StatusAsync(HttpMethod.Post, "/admin/firewall/AUTH_test/fw/open.txt?state=disabled", _admin), Is.EqualTo(HttpStatusCode.NoContent));

        var listed = JsonNode.Parse(await JsonAsync(HttpMethod.Get, "/admin/firewall?account=AUTH_test", _admin))!.AsArray();
        Assert.That(listed.Select(r => $"{r!["type"]} {r["path"]}"), Is.EqualTo(new[] { "directory /AUTH_test/fw/private/", "object /AUTH_test/fw/open.txt" }));
        Assert.That(await JsonAsync(HttpMethod.Get, "/admin/firewall?account=AUTH_admin", _admin), Is.EqualTo("[]"));
        Assert.That(await StatusAsync(HttpMethod.Get, "/admin/firewall", _owner), Is.EqualTo(HttpStatusCode.Forbidden));

        Assert.That(await StatusAsync(HttpMethod.Post, "/admin/firewall/AUTH_test/fw/private/?state=enabled", _admin), Is.EqualTo(HttpStatusCode.NoContent));
        listed = JsonNode.Parse(await JsonAsync(HttpMethod.Get, "/admin/firewall", _admin))!.AsArray();
        Assert.That(listed.Select(r => (string?)r!["path"]), Is.EqualTo(new[] { "/AUTH_test/fw/open.txt" }));
        Assert.That(await StatusAsync(HttpMethod.Get, "/v1/AUTH_test/fw/private/a.txt", _owner), Is.EqualTo(HttpStatusCode.OK));
        Assert.That(await StatusAsync(HttpMethod.Get, "/v1/AUTH_test/fw/open.txt", _owner), Is.EqualTo(HttpStatusCode.NotFound), "still disabled");
    }

    private Task<HttpResponseMessage> RegisterAsync(string name) =>
        ProxyHttp.SendAsync(_cluster, HttpMethod.Post, "/auth/register", null,
            new StringContent($$"""{"account":"{{name}}","user":"{{name}}","key":"a-long-key","email":"{{name}}@example.org"}""", Encoding.UTF8, "application/json"));

    private async Task<string> JsonAsync(HttpMethod method, string path, string? token)
    {
        using var response = await ProxyHttp.SendAsync(_cluster, method, path, token);
        var body = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), $"{method} {path}: {body}");
        return body;
    }

    private async Task<HttpStatusCode> StatusAsync(HttpMethod method, string path, string? token, string? body = null)
    {
        using var response = await ProxyHttp.SendAsync(_cluster, method, path, token,
            body is null ? null : new StringContent(body, Encoding.UTF8, body.StartsWith('{') ? "application/json" : "text/plain"));
        return response.StatusCode;
    }
}
