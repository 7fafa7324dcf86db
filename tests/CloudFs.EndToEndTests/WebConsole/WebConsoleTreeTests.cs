using System.Net;
using System.Security.Cryptography;
using System.Text;
using CloudFs.EndToEndTests.Proxy;
using Microsoft.Playwright;

namespace CloudFs.EndToEndTests.WebConsole;

/// <summary>
/// The console's CloudFs extensions in a real browser: MOVE and COPY of folders and files,
/// search, tree totals, metadata, the records page, the account's usage chart and a large
/// file uploaded as segments.
/// </summary>
[Category("E2E")]
[Category("WebConsole")]
public class WebConsoleTreeTests : ConsoleBrowser
{
    [Test]
    public async Task MoveFolder_MovesTheWholeTree_AndAConflictIsSaidInWords()
    {
        await PutAsync("/v1/AUTH_test/mv", null);
        await PutAsync("/v1/AUTH_test/mv/src/a.txt", Encoding.UTF8.GetBytes("alpha"));
        await PutAsync("/v1/AUTH_test/mv/src/sub/b.txt", Encoding.UTF8.GetBytes("beta"));
        await PutAsync("/v1/AUTH_test/mv/taken/c.txt", Encoding.UTF8.GetBytes("gamma"));
        var page = await SignedInAsync("test:tester", "testing");
        await Open(page, "mv").ClickAsync();

        // Onto a folder that exists: 409, in words, and nothing moved.
        await Entry(page, "src/").GetByTestId("entry-move").ClickAsync();
        await page.GetByTestId("transfer-path").FillAsync("taken");
        await page.GetByTestId("transfer-submit").ClickAsync();
        await Expect(page.GetByTestId("error-banner")).ToContainTextAsync("already exists");
        Assert.That(await StatusAsync(HttpMethod.Head, "/v1/AUTH_test/mv/src/sub/b.txt"), Is.EqualTo(HttpStatusCode.OK));

        await page.GetByTestId("error-dismiss").ClickAsync();
        await Entry(page, "src/").GetByTestId("entry-move").ClickAsync();
        await Expect(page.GetByTestId("transfer-dialog")).ToBeVisibleAsync();
        await ScreenshotAsync(page, "10-move-dialog");
        await page.GetByTestId("transfer-path").FillAsync("dst");
        await page.GetByTestId("transfer-submit").ClickAsync();
        await Expect(page.GetByTestId("transfer-done")).ToContainTextAsync("2 files");
        await Expect(Entry(page, "dst/")).ToBeVisibleAsync();
        await Expect(Entry(page, "src/")).ToHaveCountAsync(0);

        using var moved = await ProxyHttp.SendAsync(Cluster, HttpMethod.Get, "/v1/AUTH_test/mv/dst/sub/b.txt", Token);
        Assert.That(await moved.Content.ReadAsStringAsync(), Is.EqualTo("beta"));
        Assert.That(await StatusAsync(HttpMethod.Head, "/v1/AUTH_test/mv/src/sub/b.txt"), Is.EqualTo(HttpStatusCode.NotFound));
    }

    [Test]
    public async Task CopyFile_KeepsTheSource()
    {
        await PutAsync("/v1/AUTH_test/cp", null);
        await PutAsync("/v1/AUTH_test/cp/one.txt", Encoding.UTF8.GetBytes("one"));
        var page = await SignedInAsync("test:tester", "testing");
        await Open(page, "cp").ClickAsync();
        await Entry(page, "one.txt").GetByTestId("entry-copy").ClickAsync();
        await page.GetByTestId("transfer-path").FillAsync("two.txt");
        await page.GetByTestId("transfer-path").PressAsync("Enter");
        await Expect(Entry(page, "two.txt")).ToBeVisibleAsync();
        await Expect(Entry(page, "one.txt")).ToBeVisibleAsync();
        using var copy = await ProxyHttp.SendAsync(Cluster, HttpMethod.Get, "/v1/AUTH_test/cp/two.txt", Token);
        Assert.That(await copy.Content.ReadAsStringAsync(), Is.EqualTo("one"));
    }

    [Test]
    public async Task FolderTree_OpensFoldersByMouseAndByKeyboard()
    {
        await PutAsync("/v1/AUTH_test/ftree", null);
        await PutAsync("/v1/AUTH_test/ftree/a/b/deep.txt", [1]);
        await PutAsync("/v1/AUTH_test/ftree/a/c/other.txt", [2]);
        var page = await SignedInAsync("test:tester", "testing");
        var tree = page.GetByTestId("folder-tree");
        await Expect(tree).ToHaveAttributeAsync("role", "tree");

        // Opening a container in the tree goes there and shows its folders.
        await Node(page, "ftree/").GetByTestId("tree-open").ClickAsync();
        await Expect(page.GetByTestId("breadcrumbs")).ToContainTextAsync("ftree");
        await Expect(Node(page, "ftree/")).ToHaveAttributeAsync("aria-current", "page");
        await Expect(Node(page, "ftree/a/")).ToBeVisibleAsync();

        // Then by keyboard alone: down to "a", open it, down to its first folder "b", open it.
        await page.Keyboard.PressAsync("ArrowDown");
        await page.Keyboard.PressAsync("Enter");
        await Expect(Node(page, "ftree/a/")).ToHaveAttributeAsync("aria-current", "page");
        await Expect(Node(page, "ftree/a/b/")).ToBeVisibleAsync();
        await page.Keyboard.PressAsync("ArrowDown");
        await page.Keyboard.PressAsync("Enter");
        await Expect(Node(page, "ftree/a/b/")).ToHaveAttributeAsync("aria-current", "page");
        await Expect(Entry(page, "a/b/deep.txt")).ToBeVisibleAsync();
        await ScreenshotAsync(page, "15-folder-tree");

        // A folder made in the listing appears in the tree.
        await page.GetByTestId("new-folder-name").FillAsync("fresh");
        await page.GetByTestId("new-folder-submit").ClickAsync();
        await Expect(Node(page, "ftree/a/b/fresh/")).ToBeVisibleAsync();
    }

    private static ILocator Node(IPage page, string path) => page.Locator($"[data-testid=tree-node][data-path=\"{path}\"]");

    [Test]
    public async Task Search_FindsByGlob_AndOpensTheFolder()
    {
        await PutAsync("/v1/AUTH_test/srch", null);
        await PutAsync("/v1/AUTH_test/srch/pets/cat.jpg", [1, 2, 3]);
        await PutAsync("/v1/AUTH_test/srch/pets/dog.png", [4]);
        await PutAsync("/v1/AUTH_test/srch/notes.txt", [5]);
        var page = await SignedInAsync("test:tester", "testing");
        await page.GetByTestId("nav-search").ClickAsync();
        await page.GetByTestId("search-name").FillAsync("*.jpg");
        await page.GetByTestId("search-container").FillAsync("srch");
        await page.GetByTestId("search-submit").ClickAsync();
        var results = page.GetByTestId("search-result");
        await Expect(results).ToHaveCountAsync(1);
        await Expect(results.First).ToHaveAttributeAsync("data-name", "srch/pets/cat.jpg");
        await ScreenshotAsync(page, "11-search");

        await results.First.GetByTestId("search-open").ClickAsync();
        await Expect(page.GetByTestId("breadcrumbs")).ToContainTextAsync("pets");
        await Expect(Entry(page, "pets/cat.jpg")).ToBeVisibleAsync();

        await page.GetByTestId("nav-search").ClickAsync();
        await page.GetByTestId("search-name").FillAsync("*.gif");
        await page.GetByTestId("search-submit").ClickAsync();
        await Expect(page.GetByTestId("search-empty")).ToBeVisibleAsync();
    }

    [Test]
    public async Task TreeTotals_CountEveryLevel()
    {
        await PutAsync("/v1/AUTH_test/tot", null);
        await PutAsync("/v1/AUTH_test/tot/d/1.bin", new byte[100]);
        await PutAsync("/v1/AUTH_test/tot/d/e/2.bin", new byte[200]);
        await PutAsync("/v1/AUTH_test/tot/d/e/f/3.bin", new byte[300]);
        var page = await SignedInAsync("test:tester", "testing");
        await Open(page, "tot").ClickAsync();
        await Expect(page.GetByTestId("tree-totals")).ToContainTextAsync("3 files");
        await Expect(Entry(page, "d/")).ToContainTextAsync("3 files");
        await Open(page, "d/").ClickAsync();
        await Open(page, "d/e/").ClickAsync();
        await Expect(page.GetByTestId("tree-totals")).ToContainTextAsync("2 files");
    }

    [Test]
    public async Task Metadata_IsEditedWithTheContentType()
    {
        await PutAsync("/v1/AUTH_test/meta", null);
        await PutAsync("/v1/AUTH_test/meta/doc", Encoding.UTF8.GetBytes("hello"), null, ("X-Object-Meta-Owner", "ann"));
        var page = await SignedInAsync("test:tester", "testing");
        await Open(page, "meta").ClickAsync();
        await Entry(page, "doc").GetByTestId("entry-info").ClickAsync();
        await Expect(page.GetByTestId("meta-row")).ToHaveCountAsync(1);
        await page.GetByTestId("meta-content-type").FillAsync("text/plain");
        await page.GetByTestId("meta-add").ClickAsync();
        await page.GetByTestId("meta-key").Last.FillAsync("Color");
        await page.GetByTestId("meta-value").Last.FillAsync("blue");
        await ScreenshotAsync(page, "12-metadata");
        await page.GetByTestId("meta-save").ClickAsync();
        await Expect(page.GetByTestId("meta-saved")).ToBeVisibleAsync();

        using var head = await ProxyHttp.SendAsync(Cluster, HttpMethod.Head, "/v1/AUTH_test/meta/doc", Token);
        Assert.Multiple(() =>
        {
            Assert.That(head.Content.Headers.ContentType?.MediaType, Is.EqualTo("text/plain"));
            Assert.That(head.Headers.GetValues("X-Object-Meta-Color").Single(), Is.EqualTo("blue"));
            Assert.That(head.Headers.GetValues("X-Object-Meta-Owner").Single(), Is.EqualTo("ann"), "the metadata it had is kept");
        });
    }

    [Test]
    public async Task Records_ShowTheHistory_FilteredByAction()
    {
        await PutAsync("/v1/AUTH_test/rec", null);
        await PutAsync("/v1/AUTH_test/rec/gone.txt", [1]);
        Assert.That(await StatusAsync(HttpMethod.Delete, "/v1/AUTH_test/rec/gone.txt"), Is.EqualTo(HttpStatusCode.NoContent));
        var page = await SignedInAsync("test:tester", "testing");
        await page.GetByTestId("nav-records").ClickAsync();
        await Expect(page.GetByTestId("record").First).ToBeVisibleAsync();
        await page.GetByTestId("records-path").FillAsync("/rec/");
        await page.GetByTestId("records-action").SelectOptionAsync("object.delete");
        await page.GetByTestId("records-apply").ClickAsync();
        var rows = page.GetByTestId("record");
        await Expect(rows).ToHaveCountAsync(1);
        await Expect(rows.First).ToHaveAttributeAsync("data-action", "object.delete");
        await Expect(rows.First).ToContainTextAsync("/rec/gone.txt");
        await ScreenshotAsync(page, "13-records");
    }

    [Test]
    public async Task Account_ShowsUsageAgainstTheQuotaAsAChart()
    {
        using (var quota = await ProxyHttp.SendAsync(Cluster, HttpMethod.Post, "/v1/AUTH_test", AdminToken,
            headers: new Dictionary<string, string> { ["X-Account-Meta-Quota-Bytes"] = "1000000000" }))
        {
            Assert.That((int)quota.StatusCode, Is.InRange(200, 299));
        }

        await PutAsync("/v1/AUTH_test/chart", null);
        await PutAsync("/v1/AUTH_test/chart/blob", new byte[50_000]);
        var page = await SignedInAsync("test:tester", "testing");
        await page.GetByTestId("nav-account").ClickAsync();
        await Expect(page.GetByTestId("usage-chart").First).ToBeVisibleAsync();
        await Expect(page.GetByTestId("usage-summary")).ToContainTextAsync("of 1.0 GB used");
        await ScreenshotAsync(page, "14-account");
    }

    [Test]
    public async Task LargeFile_GoesUpAsSegments_AndReadsBackWhole()
    {
        await PutAsync("/v1/AUTH_test/big", null);
        var path = Path.Combine(TestContext.CurrentContext.WorkDirectory, $"console-large-{Guid.NewGuid():N}.bin");
        var size = 101L * 1024 * 1024;
        await using (var file = File.Create(path))
        {
            var chunk = new byte[1024 * 1024];
            for (var i = 0; i < 101; i++)
            {
                Random.Shared.NextBytes(chunk);
                await file.WriteAsync(chunk);
            }
        }

        try
        {
            var page = await SignedInAsync("test:tester", "testing");
            await Open(page, "big").ClickAsync();
            await page.GetByTestId("file-input").SetInputFilesAsync(path);
            var row = page.Locator($"[data-testid=upload][data-name=\"{Path.GetFileName(path)}\"]");
            await Expect(row.GetByTestId("upload-status")).ToHaveTextAsync("Done", new() { Timeout = 180_000 });

            using var head = await ProxyHttp.SendAsync(Cluster, HttpMethod.Head, "/v1/AUTH_test/big/" + Path.GetFileName(path), Token);
            Assert.That(head.Headers.GetValues("X-Static-Large-Object").Single(), Is.EqualTo("True").IgnoreCase);
            Assert.That(head.Content.Headers.ContentLength, Is.EqualTo(size));
            using var body = await ProxyHttp.SendAsync(Cluster, HttpMethod.Get, "/v1/AUTH_test/big/" + Path.GetFileName(path), Token);
            await using var stream = await body.Content.ReadAsStreamAsync();
            await using var original = File.OpenRead(path);
            Assert.That(Convert.ToHexString(await SHA256.HashDataAsync(stream)), Is.EqualTo(Convert.ToHexString(await SHA256.HashDataAsync(original))));
        }
        finally
        {
            File.Delete(path);
        }
    }
}
