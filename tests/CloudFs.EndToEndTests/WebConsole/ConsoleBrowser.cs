using System.Net;
using CloudFs.EndToEndTests.Cluster;
using CloudFs.EndToEndTests.Proxy;
using Microsoft.Playwright;
using Microsoft.Playwright.NUnit;

namespace CloudFs.EndToEndTests.WebConsole;

/// <summary>
/// Debian's chromium driven by Playwright against a cluster of its own: no browser can be
/// downloaded here, so the tests launch /usr/bin/chromium. One cluster and one browser per
/// fixture, a fresh context (no shared storage) per page. Screenshots go under the test
/// results, in console-screenshots/.
/// </summary>
public abstract class ConsoleBrowser : PlaywrightTest
{
    public const string Chromium = "/usr/bin/chromium";

    private IBrowser? _browser;

    protected CloudFsCluster Cluster { get; private set; } = null!;

    /// <summary>test:tester's token.</summary>
    protected string Token { get; private set; } = "";

    /// <summary>admin:admin's token.</summary>
    protected string AdminToken { get; private set; } = "";

    /// <summary>Bootstrap users besides test:tester and admin:admin.</summary>
    protected virtual IEnumerable<(string User, string Key, string Type)> ExtraUsers => [];

    protected string ConsoleUrl => Cluster.Url("proxy", "/console/").ToString();

    [OneTimeSetUp]
    public async Task StartClusterAsync()
    {
        Cluster = new CloudFsCluster(extraUsers: ExtraUsers);
        await Cluster.StartAsync();
        (Token, _) = await ProxyHttp.LoginAsync(Cluster, "test:tester", "testing");
        (AdminToken, _) = await ProxyHttp.LoginAsync(Cluster, "admin:admin", Cluster.AdminPassword);
    }

    protected static string ScreenshotDir =>
        Path.Combine(TestContext.CurrentContext.WorkDirectory, "console-screenshots");

    [SetUp]
    public async Task LaunchAsync()
    {
        if (_browser is not null)
        {
            return;
        }

        if (!File.Exists(Chromium))
        {
            const string message = "chromium is not installed; run the tests with scripts/test.sh.";
            if (Environment.GetEnvironmentVariable("CI") is { Length: > 0 })
            {
                Assert.Fail(message);
            }

            Assert.Ignore(message);
        }

        _browser = await BrowserType.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium,
            Headless = true,
            // The machine has no network beyond loopback: chromium's own background traffic would only fail.
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync"],
        });
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        if (_browser is not null)
        {
            await _browser.CloseAsync();
        }

        if (Cluster is not null)
        {
            await Cluster.DisposeAsync();
        }
    }

    /// <summary>A new page in a context of its own, so a token held by one page is never seen by another.</summary>
    protected async Task<IPage> NewPageAsync(int width = 1280, int height = 800)
    {
        var context = await _browser!.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = width, Height = height },
            AcceptDownloads = true,
        });
        context.SetDefaultTimeout(15_000);
        return await context.NewPageAsync();
    }

    /// <summary>Saves a full-page screenshot as console-screenshots/NAME.png and attaches it to the test.</summary>
    protected static async Task ScreenshotAsync(IPage page, string name)
    {
        Directory.CreateDirectory(ScreenshotDir);
        var path = Path.Combine(ScreenshotDir, name + ".png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        TestContext.AddTestAttachment(path, name);
    }

    protected async Task<IPage> SignedInAsync(string user, string key, int width = 1280, int height = 800)
    {
        var page = await NewPageAsync(width, height);
        await SignInAsync(page, user, key);
        return page;
    }

    protected async Task SignInAsync(IPage page, string user, string key)
    {
        await page.GotoAsync(ConsoleUrl);
        await page.GetByTestId("login-user").FillAsync(user);
        await page.GetByTestId("login-password").FillAsync(key);
        await page.GetByTestId("login-submit").ClickAsync();
        await Expect(page.GetByTestId("account-name")).ToBeVisibleAsync();
    }

    /// <summary>A listing row: a container, a directory ("a/b/") or an object by its full name.</summary>
    protected static ILocator Entry(IPage page, string name) => page.Locator($"[data-testid=entry][data-name=\"{name}\"]");

    protected static ILocator Open(IPage page, string name) => Entry(page, name).GetByTestId("entry-open");

    protected static FilePayload Payload(string name, int size)
    {
        var buffer = new byte[size];
        Random.Shared.NextBytes(buffer);
        return new FilePayload { Name = name, MimeType = "application/octet-stream", Buffer = buffer };
    }

    /// <summary>A PUT through the proxy as test:tester (or <paramref name="token"/>) that must succeed.</summary>
    protected async Task PutAsync(string path, byte[]? body, string? token = null, params (string Name, string Value)[] headers)
    {
        using var response = await ProxyHttp.SendAsync(Cluster, HttpMethod.Put, path, token ?? Token,
            new ByteArrayContent(body ?? []), headers.ToDictionary(h => h.Name, h => h.Value));
        Assert.That((int)response.StatusCode, Is.InRange(200, 299), $"PUT {path}");
    }

    protected async Task<HttpStatusCode> StatusAsync(HttpMethod method, string path, string? token = null)
    {
        using var response = await ProxyHttp.SendAsync(Cluster, method, path, token ?? Token);
        return response.StatusCode;
    }
}
