using System.Net;
using System.Text;
using CloudFs.EndToEndTests.Proxy;
using Microsoft.Playwright;

namespace CloudFs.EndToEndTests.WebConsole;

/// <summary>
/// The console's admin pages in a real browser: an admin disables a user whose next action
/// fails, creates users, sets quotas, walls off a folder, reads host statistics; and
/// self-registration appears on the sign-in page only while the admin allows it.
/// </summary>
[Category("E2E")]
[Category("WebConsole")]
public class WebConsoleAdminTests : ConsoleBrowser
{
    protected override IEnumerable<(string User, string Key, string Type)> ExtraUsers =>
        [("temp:erin", "erin-key", "owner"), ("quota:quinn", "quinn-key", "owner")];

    [Test]
    public async Task AdminDisablesAUser_WhoseNextActionSendsThemBackToSignIn()
    {
        var user = await SignedInAsync("temp:erin", "erin-key");
        var admin = await AdminPageAsync("users");
        var row = admin.Locator("[data-testid=admin-user][data-user=\"temp:erin\"]");
        await row.GetByTestId("admin-user-disable").ClickAsync();
        await Expect(admin.GetByTestId("admin-done")).ToContainTextAsync("disabled");
        await Expect(row.GetByTestId("admin-user-enable")).ToBeVisibleAsync();
        await ScreenshotAsync(admin, "20-admin-users");

        // The proxy trusts a validated token for Proxy:TokenCacheSeconds (10 s): act until it asks again.
        var message = user.GetByTestId("login-message");
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!await message.IsVisibleAsync() && DateTime.UtcNow < deadline)
        {
            await user.GetByTestId("nav-files").ClickAsync();
            await user.GetByTestId("crumb").First.ClickAsync();
            await user.WaitForTimeoutAsync(1000);
        }

        await Expect(message).ToContainTextAsync("sign in again");
        using var login = await ProxyHttp.SendAsync(Cluster, HttpMethod.Get, "/auth/v1.0", null,
            headers: new Dictionary<string, string> { ["X-Auth-User"] = "temp:erin", ["X-Auth-Key"] = "erin-key" });
        Assert.That(login.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized), "a disabled user cannot sign in again");
    }

    [Test]
    public async Task AdminCreatesAUser_WhoCanSignIn()
    {
        var admin = await AdminPageAsync("users");
        await admin.GetByTestId("admin-new-account").FillAsync("crew");
        await admin.GetByTestId("admin-new-user").FillAsync("fay");
        await admin.GetByTestId("admin-new-key").FillAsync("fay-key-1");
        await admin.GetByTestId("admin-new-type").SelectOptionAsync("owner");
        await admin.GetByTestId("admin-new-submit").ClickAsync();
        await Expect(admin.Locator("[data-testid=admin-user][data-user=\"crew:fay\"]")).ToBeVisibleAsync();

        var fay = await SignedInAsync("crew:fay", "fay-key-1");
        await Expect(fay.GetByTestId("account-name")).ToContainTextAsync("AUTH_crew");
        await Expect(fay.GetByTestId("nav-admin")).ToHaveCountAsync(0);
    }

    [Test]
    public async Task AdminSetsAnAccountQuota_ThatTheAccountThenObeys()
    {
        var admin = await AdminPageAsync("quotas");
        await admin.GetByTestId("admin-quota-account").SelectOptionAsync(new SelectOptionValue { Label = "quota" });
        await admin.GetByTestId("admin-quota-bytes").FillAsync("1000");
        await admin.GetByTestId("admin-quota-save").ClickAsync();
        await Expect(admin.GetByTestId("admin-done")).ToBeVisibleAsync();
        await ScreenshotAsync(admin, "21-admin-quotas");

        var (quinn, _) = await ProxyHttp.LoginAsync(Cluster, "quota:quinn", "quinn-key");
        using var head = await ProxyHttp.SendAsync(Cluster, HttpMethod.Head, "/v1/AUTH_quota", quinn);
        Assert.That(head.Headers.GetValues("X-Account-Meta-Quota-Bytes").Single(), Is.EqualTo("1000"));
        await PutAsync("/v1/AUTH_quota/c", null, quinn);
        using var over = await ProxyHttp.SendAsync(Cluster, HttpMethod.Put, "/v1/AUTH_quota/c/big", quinn, new ByteArrayContent(new byte[5000]));
        Assert.That(over.StatusCode, Is.EqualTo(HttpStatusCode.RequestEntityTooLarge));
    }

    [Test]
    public async Task AdminWallsOffAFolder_ThenOpensItAgain()
    {
        await PutAsync("/v1/AUTH_test/wall", null);
        await PutAsync("/v1/AUTH_test/wall/private/secret.txt", Encoding.UTF8.GetBytes("s"));
        var admin = await AdminPageAsync("firewall");
        await admin.GetByTestId("admin-fw-path").FillAsync("AUTH_test/wall/private/");
        await admin.GetByTestId("admin-fw-disable").ClickAsync();
        var row = admin.Locator("[data-testid=admin-fw-row][data-path=\"/AUTH_test/wall/private/\"]");
        await Expect(row).ToBeVisibleAsync();
        Assert.That(await StatusAsync(HttpMethod.Get, "/v1/AUTH_test/wall/private/secret.txt"), Is.EqualTo(HttpStatusCode.NotFound));
        await ScreenshotAsync(admin, "22-admin-firewall");

        await row.GetByTestId("admin-fw-enable").ClickAsync();
        await Expect(row).ToHaveCountAsync(0);
        Assert.That(await StatusAsync(HttpMethod.Get, "/v1/AUTH_test/wall/private/secret.txt"), Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task Hosts_ShowEveryRoleServer_AndTheirStatisticsAsCharts()
    {
        var admin = await AdminPageAsync("hosts");
        // Role servers report 3 s after they start, then every 30 s.
        await Expect(admin.GetByTestId("admin-host")).ToHaveCountAsync(4, new() { Timeout = 30_000 });
        await admin.Locator($"[data-testid=admin-host][data-host=\"{Cluster.Address}:7013\"]").GetByTestId("admin-host-open").ClickAsync();
        await Expect(admin.GetByTestId("admin-chart").First).ToBeVisibleAsync();
        await ScreenshotAsync(admin, "23-admin-hosts");

        await admin.GetByTestId("admin-tab-alerts").ClickAsync();
        await Expect(admin.GetByTestId("admin-no-alerts").Or(admin.GetByTestId("admin-alert").First)).ToBeVisibleAsync();
    }

    [Test]
    public async Task SelfRegistration_AppearsOnlyWhileAllowed_AndSignsTheNewcomerIn()
    {
        var visitor = await NewPageAsync();
        await visitor.GotoAsync(ConsoleUrl);
        await Expect(visitor.GetByTestId("login-submit")).ToBeVisibleAsync();
        await Expect(visitor.GetByTestId("register-open")).ToHaveCountAsync(0);

        var admin = await AdminPageAsync("settings");
        await admin.GetByTestId("admin-self-registration").CheckAsync();
        await admin.GetByTestId("admin-settings-save").ClickAsync();
        await Expect(admin.GetByTestId("admin-done")).ToContainTextAsync("now offers");
        try
        {
            await visitor.ReloadAsync();
            await visitor.GetByTestId("register-open").ClickAsync();
            await visitor.GetByTestId("register-account").FillAsync("newco");
            await visitor.GetByTestId("register-user").FillAsync("gus");
            await visitor.GetByTestId("register-email").FillAsync("gus@example.org");
            await visitor.GetByTestId("register-key").FillAsync("a-long-secret");
            await visitor.GetByTestId("register-key2").FillAsync("a-different-one");
            await visitor.GetByTestId("register-submit").ClickAsync();
            await Expect(visitor.GetByTestId("register-message")).ToContainTextAsync("not the same");
            await visitor.GetByTestId("register-key2").FillAsync("a-long-secret");
            await ScreenshotAsync(visitor, "24-register");
            await visitor.GetByTestId("register-submit").ClickAsync();
            await Expect(visitor.GetByTestId("account-name")).ToContainTextAsync("AUTH_newco");
        }
        finally
        {
            await admin.GetByTestId("admin-self-registration").UncheckAsync();
            await admin.GetByTestId("admin-settings-save").ClickAsync();
        }

        // The line of the first save is still shown: wait for the second's own words, or the
        // check below can run before the setting is written.
        await Expect(admin.GetByTestId("admin-done")).ToContainTextAsync("only admins");
        using var state = await ProxyHttp.SendAsync(Cluster, HttpMethod.Get, "/auth/register", null);
        Assert.That(await state.Content.ReadAsStringAsync(), Is.EqualTo("""{"enabled":false}"""));
    }

    [Test]
    public async Task NotAnAdmin_SeesNoAdminPages()
    {
        var page = await SignedInAsync("test:tester", "testing");
        await Expect(page.GetByTestId("nav-search")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("nav-admin")).ToHaveCountAsync(0);
        await page.GotoAsync(ConsoleUrl + "#:admin/users");
        await Expect(page.GetByTestId("admin-forbidden")).ToBeVisibleAsync();
    }

    private async Task<IPage> AdminPageAsync(string section)
    {
        var page = await SignedInAsync("admin:admin", Cluster.AdminPassword);
        await page.GetByTestId("nav-admin").ClickAsync();
        await page.GetByTestId($"admin-tab-{section}").ClickAsync();
        await Expect(page.GetByTestId($"admin-{section}")).ToBeVisibleAsync();
        return page;
    }
}
