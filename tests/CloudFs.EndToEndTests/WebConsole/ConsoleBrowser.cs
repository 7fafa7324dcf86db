using Microsoft.Playwright;
using Microsoft.Playwright.NUnit;

namespace CloudFs.EndToEndTests.WebConsole;

/// <summary>
/// Debian's chromium driven by Playwright: no browser can be downloaded here, so the tests
/// launch /usr/bin/chromium. One browser per fixture, a fresh context (no shared storage) per
/// page. Screenshots go under the test results, in console-screenshots/.
/// </summary>
public abstract class ConsoleBrowser : PlaywrightTest
{
    public const string Chromium = "/usr/bin/chromium";

    private IBrowser? _browser;

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
    public async Task CloseBrowserAsync()
    {
        if (_browser is not null)
        {
            await _browser.CloseAsync();
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
}
