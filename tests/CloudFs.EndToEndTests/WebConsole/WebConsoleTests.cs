using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using CloudFs.EndToEndTests.Cluster;
using CloudFs.EndToEndTests.Proxy;
using Microsoft.Playwright;

namespace CloudFs.EndToEndTests.WebConsole;

/// <summary>
/// The web console (issue 19) in a real browser against a real cluster: sign-in, browsing,
/// uploads with progress, downloads byte for byte, quota and disabled-user refusals in words.
/// </summary>
[Category("E2E")]
[Category("WebConsole")]
public partial class WebConsoleTests : ConsoleBrowser
{
    protected override IEnumerable<(string User, string Key, string Type)> ExtraUsers =>
        [("temp:carol", "carol-key", "owner"), ("mail:dora", "dora-key", "owner")];

    [Test]
    public async Task Console_IsServedByTheProxy_WithItsOwnPolicy()
    {
        using var bare = await ProxyHttp.SendAsync(Cluster, HttpMethod.Get, "/console", null);
        Assert.That(bare.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That(bare.Headers.Location?.ToString(), Is.EqualTo("/console/"));

        using var index = await ProxyHttp.SendAsync(Cluster, HttpMethod.Get, "/console/", null);
        var html = await index.Content.ReadAsStringAsync();
        Assert.Multiple(() =>
        {
            Assert.That(index.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(index.Content.Headers.ContentType?.MediaType, Is.EqualTo("text/html"));
            Assert.That(index.Headers.GetValues("Content-Security-Policy").Single(), Does.Contain("default-src 'self'"));
            Assert.That(index.Headers.Contains("X-Trans-Id"), "every response carries X-Trans-Id");
            Assert.That(html, Does.Contain("/console/assets/"));
        });

        // A hashed asset is cached for good; a path the app routes itself gets the page.
        var asset = AssetPath().Match(html).Value;
        using var script = await ProxyHttp.SendAsync(Cluster, HttpMethod.Get, asset, null);
        using var deep = await ProxyHttp.SendAsync(Cluster, HttpMethod.Get, "/console/some/where", null);
        using var post = await ProxyHttp.SendAsync(Cluster, HttpMethod.Post, "/console/", null);
        Assert.Multiple(async () =>
        {
            Assert.That(script.StatusCode, Is.EqualTo(HttpStatusCode.OK), asset);
            Assert.That(script.Headers.CacheControl?.ToString(), Does.Contain("immutable"));
            Assert.That(await deep.Content.ReadAsStringAsync(), Is.EqualTo(html));
            Assert.That(post.StatusCode, Is.EqualTo(HttpStatusCode.MethodNotAllowed));
        });
    }

    [Test]
    public async Task SignIn_WrongPasswordIsSaidInWords_ThenByKeyboard_AndTheTokenStaysInMemory()
    {
        var page = await NewPageAsync();
        await page.GotoAsync(ConsoleUrl);
        await page.GetByTestId("login-user").FillAsync("test:tester");
        await page.GetByTestId("login-password").FillAsync("not-the-key");
        await page.GetByTestId("login-submit").ClickAsync();
        await Expect(page.GetByTestId("login-message")).ToContainTextAsync("Wrong user name or password");
        await ScreenshotAsync(page, "01-login-refused");

        // Keyboard only: the password field, then Enter.
        await page.GetByTestId("login-password").FillAsync("testing");
        await page.GetByTestId("login-password").PressAsync("Enter");
        await Expect(page.GetByTestId("account-name")).ToContainTextAsync("AUTH_test");
        await ScreenshotAsync(page, "02-containers");

        var stored = await page.EvaluateAsync<string>("() => JSON.stringify(localStorage) + JSON.stringify(sessionStorage) + document.cookie");
        Assert.Multiple(() =>
        {
            Assert.That(stored, Does.Not.Contain("AUTH_tk"), "the token is kept in memory only");
            Assert.That(page.Url, Does.Not.Contain("AUTH_tk"), "never in the URL");
        });

        await page.GetByTestId("logout").ClickAsync();
        await Expect(page.GetByTestId("login-submit")).ToBeVisibleAsync();
    }

    [Test]
    public async Task SignIn_ByEmail()
    {
        using var set = await ProxyHttp.SendAsync(Cluster, HttpMethod.Post, "/admin/users/mail/dora", AdminToken,
            new StringContent("""{"email":"dora@example.org"}""", Encoding.UTF8, "application/json"));
        Assert.That((int)set.StatusCode, Is.LessThan(300), await set.Content.ReadAsStringAsync());

        var page = await SignedInAsync("dora@example.org", "dora-key");
        await Expect(page.GetByTestId("account-name")).ToContainTextAsync("AUTH_mail");
    }

    [Test]
    public async Task Upload_SeveralFilesIntoANewContainerAndFolder_ShowProgress_AndStoreEveryByte()
    {
        var page = await SignedInAsync("test:tester", "testing");
        await page.GetByTestId("new-container-name").FillAsync("uploads");
        await page.GetByTestId("new-container-submit").ClickAsync();
        await Open(page, "uploads").ClickAsync();
        await page.GetByTestId("new-folder-name").FillAsync("docs");
        await page.GetByTestId("new-folder-submit").ClickAsync();
        await Open(page, "docs/").ClickAsync();
        await Expect(page.GetByTestId("breadcrumbs")).ToContainTextAsync("docs");

        var files = new[] { Payload("a.txt", 1000), Payload("b.bin", 300_000), Payload("c space ü.bin", 6 * 1024 * 1024) };
        await page.GetByTestId("file-input").SetInputFilesAsync(files);
        foreach (var file in files)
        {
            var row = page.Locator($"[data-testid=upload][data-name=\"{file.Name}\"]");
            await Expect(row.GetByTestId("upload-status")).ToHaveTextAsync("Done", new() { Timeout = 60_000 });
            await Expect(row.GetByTestId("upload-progress")).ToHaveAttributeAsync("value", "100");
        }

        await ScreenshotAsync(page, "03-uploaded");
        foreach (var file in files)
        {
            await Expect(Entry(page, "docs/" + file.Name)).ToBeVisibleAsync();
            using var stored = await ProxyHttp.SendAsync(Cluster, HttpMethod.Get, "/v1/AUTH_test/uploads/docs/" + Uri.EscapeDataString(file.Name), Token);
            Assert.That(await stored.Content.ReadAsByteArrayAsync(), Is.EqualTo(file.Buffer), file.Name);
        }
    }

    [Test]
    public async Task Upload_ByDragAndDrop()
    {
        await PutAsync("/v1/AUTH_test/dropped", null);
        var page = await SignedInAsync("test:tester", "testing");
        await Open(page, "dropped").ClickAsync();

        // What a file manager hands the page on a drop: a DataTransfer holding File objects.
        var transfer = await page.EvaluateHandleAsync("""
            () => {
              const data = new DataTransfer();
              data.items.add(new File(['first dropped file'], 'one.txt', { type: 'text/plain' }));
              data.items.add(new File([new Uint8Array(70000)], 'two.bin'));
              return data;
            }
            """);
        var zone = page.GetByTestId("drop-zone");
        await zone.DispatchEventAsync("dragenter", new Dictionary<string, object> { ["dataTransfer"] = transfer });
        await zone.DispatchEventAsync("dragover", new Dictionary<string, object> { ["dataTransfer"] = transfer });
        await zone.DispatchEventAsync("drop", new Dictionary<string, object> { ["dataTransfer"] = transfer });

        foreach (var name in new[] { "one.txt", "two.bin" })
        {
            await Expect(page.Locator($"[data-testid=upload][data-name=\"{name}\"]").GetByTestId("upload-status")).ToHaveTextAsync("Done");
            await Expect(Entry(page, name)).ToBeVisibleAsync();
        }

        using var stored = await ProxyHttp.SendAsync(Cluster, HttpMethod.Get, "/v1/AUTH_test/dropped/one.txt", Token);
        Assert.That(await stored.Content.ReadAsStringAsync(), Is.EqualTo("first dropped file"));
    }

    [Test]
    public async Task Download_IsByteForByteWhatWasStored()
    {
        var body = new byte[2 * 1024 * 1024 + 7];
        Random.Shared.NextBytes(body);
        await PutAsync("/v1/AUTH_test/dl", null);
        await PutAsync("/v1/AUTH_test/dl/raw.bin", body);

        var page = await SignedInAsync("test:tester", "testing");
        await Open(page, "dl").ClickAsync();
        var download = await page.RunAndWaitForDownloadAsync(() => Entry(page, "raw.bin").GetByTestId("entry-download").ClickAsync());
        var saved = Path.Combine(TestContext.CurrentContext.WorkDirectory, "console-download-" + Guid.NewGuid().ToString("N"));
        await download.SaveAsAsync(saved);
        try
        {
            Assert.That(download.SuggestedFilename, Is.EqualTo("raw.bin"));
            Assert.That(await File.ReadAllBytesAsync(saved), Is.EqualTo(body));
        }
        finally
        {
            File.Delete(saved);
        }
    }

    [Test]
    public async Task Upload_OverQuota_IsRefusedInWords_AndNothingIsStored()
    {
        await PutAsync("/v1/AUTH_test/small", null, null, ("X-Container-Meta-Quota-Bytes", "1000"));
        var page = await SignedInAsync("test:tester", "testing");
        await Open(page, "small").ClickAsync();
        await page.GetByTestId("file-input").SetInputFilesAsync(Payload("big.bin", 5000));

        var status = page.Locator("[data-testid=upload][data-name=\"big.bin\"]").GetByTestId("upload-status");
        await Expect(status).ToContainTextAsync(new Regex("quota", RegexOptions.IgnoreCase));
        await ScreenshotAsync(page, "04-over-quota");
        Assert.That(await status.TextContentAsync(), Does.Not.Match(@"^\s*\d{3}\s*$"), "an error in words, not a status code");

        using var head = await ProxyHttp.SendAsync(Cluster, HttpMethod.Head, "/v1/AUTH_test/small/big.bin", Token);
        Assert.That(head.StatusCode, Is.EqualTo(HttpStatusCode.NotFound), "nothing half-stored");
        await Expect(page.GetByTestId("empty")).ToBeVisibleAsync();
    }

    [Test]
    public async Task Delete_AsksFirst_ThenRemovesTheObject()
    {
        await PutAsync("/v1/AUTH_test/del", null);
        await PutAsync("/v1/AUTH_test/del/keep-or-not.txt", Encoding.UTF8.GetBytes("x"));
        var page = await SignedInAsync("test:tester", "testing");
        await Open(page, "del").ClickAsync();

        await Entry(page, "keep-or-not.txt").GetByTestId("entry-delete").ClickAsync();
        await Expect(page.GetByTestId("confirm-dialog")).ToBeVisibleAsync();
        await ScreenshotAsync(page, "05-confirm-delete");
        await page.GetByTestId("confirm-no").ClickAsync();
        Assert.That(await StatusAsync(HttpMethod.Head, "/v1/AUTH_test/del/keep-or-not.txt"), Is.EqualTo(HttpStatusCode.OK));

        await Entry(page, "keep-or-not.txt").GetByTestId("entry-delete").ClickAsync();
        await page.GetByTestId("confirm-yes").ClickAsync();
        await Expect(Entry(page, "keep-or-not.txt")).ToHaveCountAsync(0);
        Assert.That(await StatusAsync(HttpMethod.Head, "/v1/AUTH_test/del/keep-or-not.txt"), Is.EqualTo(HttpStatusCode.NotFound));
    }

    [Test]
    public async Task NamesOverTheLimit_AreRefusedInWords_AndNothingIsCreated()
    {
        var page = await SignedInAsync("test:tester", "testing");
        var tooLong = new string('é', 129); // 258 bytes of UTF-8: Swift's limit is 256
        await page.GetByTestId("new-container-name").FillAsync(tooLong);
        await page.GetByTestId("new-container-submit").ClickAsync();
        await Expect(page.GetByTestId("error-banner")).ToContainTextAsync("too long");
        await page.GetByTestId("new-container-name").FillAsync("a/b");
        await page.GetByTestId("new-container-submit").ClickAsync();
        await Expect(page.GetByTestId("error-banner")).ToContainTextAsync("cannot contain");

        using var listing = await ProxyHttp.SendAsync(Cluster, HttpMethod.Get, "/v1/AUTH_test?format=json", Token);
        var names = System.Text.Json.Nodes.JsonNode.Parse(await listing.Content.ReadAsStringAsync())!.AsArray().Select(c => (string?)c!["name"]);
        Assert.That(names, Has.None.EqualTo(tooLong).And.None.EqualTo("a"));
    }

    [Test]
    public async Task KeyboardOnly_OpensAContainer_AndCancelsADelete()
    {
        await PutAsync("/v1/AUTH_test/keys", null);
        await PutAsync("/v1/AUTH_test/keys/stay.txt", Encoding.UTF8.GetBytes("stay"));
        var page = await NewPageAsync();
        await page.GotoAsync(ConsoleUrl);
        await page.GetByTestId("login-user").FocusAsync();
        await page.Keyboard.TypeAsync("test:tester");
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.TypeAsync("testing");
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.GetByTestId("account-name")).ToBeVisibleAsync();

        await TabToAsync(page, Open(page, "keys"));
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.GetByTestId("breadcrumbs")).ToContainTextAsync("keys");

        await TabToAsync(page, Entry(page, "stay.txt").GetByTestId("entry-delete"));
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.GetByTestId("confirm-dialog")).ToBeVisibleAsync();
        await page.Keyboard.PressAsync("Escape");
        await Expect(page.GetByTestId("confirm-dialog")).ToHaveCountAsync(0);
        Assert.That(await StatusAsync(HttpMethod.Head, "/v1/AUTH_test/keys/stay.txt"), Is.EqualTo(HttpStatusCode.OK));
    }

    // Presses Tab until the element has the focus, as a keyboard user would (at most 60 times).
    private static async Task TabToAsync(IPage page, ILocator target)
    {
        for (var i = 0; i < 60; i++)
        {
            if (await target.EvaluateAsync<bool>("e => e === document.activeElement"))
            {
                return;
            }

            await page.Keyboard.PressAsync("Tab");
        }

        Assert.Fail("the element never took the focus by Tab");
    }

    [Test]
    public async Task Listing_IsPaged_ForwardAndBack()
    {
        await PutAsync("/v1/AUTH_test/many", null);
        await Parallel.ForEachAsync(Enumerable.Range(0, 250), new ParallelOptions { MaxDegreeOfParallelism = 8 },
            async (i, _) => await PutAsync($"/v1/AUTH_test/many/o{i:D4}", [(byte)i]));

        var page = await SignedInAsync("test:tester", "testing");
        await Open(page, "many").ClickAsync();
        var entries = page.GetByTestId("entry");
        await Expect(entries).ToHaveCountAsync(100);
        await Expect(entries.First).ToHaveAttributeAsync("data-name", "o0000");
        await page.GetByTestId("next-page").ClickAsync();
        await Expect(entries.First).ToHaveAttributeAsync("data-name", "o0100");
        await page.GetByTestId("next-page").ClickAsync();
        await Expect(entries).ToHaveCountAsync(50);
        await Expect(page.GetByTestId("next-page")).ToHaveCountAsync(0);
        await page.GetByTestId("prev-page").ClickAsync();
        await Expect(entries.First).ToHaveAttributeAsync("data-name", "o0100");
        await ScreenshotAsync(page, "06-paged");
    }

    [Test]
    public async Task DisabledUser_IsSentBackToSignIn_OnTheNextAction()
    {
        var page = await SignedInAsync("temp:carol", "carol-key");
        using var disable = await ProxyHttp.SendAsync(Cluster, HttpMethod.Post, "/admin/users/temp/carol", AdminToken,
            new StringContent("""{"enabled":false}""", Encoding.UTF8, "application/json"));
        Assert.That((int)disable.StatusCode, Is.LessThan(300), await disable.Content.ReadAsStringAsync());

        // The proxy trusts a validated token for Proxy:TokenCacheSeconds (10 s): act until it asks again.
        var message = page.GetByTestId("login-message");
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!await message.IsVisibleAsync() && DateTime.UtcNow < deadline)
        {
            await page.GetByTestId("crumb").First.ClickAsync();
            await page.WaitForTimeoutAsync(1000);
        }

        await Expect(message).ToContainTextAsync("sign in again");
        await ScreenshotAsync(page, "07-session-ended");
        await page.GetByTestId("login-user").FillAsync("temp:carol");
        await page.GetByTestId("login-password").FillAsync("carol-key");
        await page.GetByTestId("login-submit").ClickAsync();
        await Expect(message).ToBeVisibleAsync();
        await Expect(page.GetByTestId("account-name")).ToHaveCountAsync(0);
    }

    [Test]
    public async Task PhoneSizedScreen_HasNoSidewaysScroll()
    {
        await PutAsync("/v1/AUTH_test/phone", null);
        await PutAsync("/v1/AUTH_test/phone/a-rather-long-object-name-for-a-narrow-screen.jpeg", new byte[1234]);
        var page = await SignedInAsync("test:tester", "testing", 375, 740);
        await Open(page, "phone").ClickAsync();
        await Expect(page.GetByTestId("entry")).ToHaveCountAsync(1);
        await ScreenshotAsync(page, "08-phone");
        var width = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        Assert.That(width, Is.LessThanOrEqualTo(375));
    }

    [GeneratedRegex("/console/assets/[^\"]+\\.js")]
    private static partial Regex AssetPath();
}
