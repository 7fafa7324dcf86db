using System.Net;
using System.Text.Json;
using CloudFs.Catalog;
using CloudFs.Common.Time;

namespace CloudFs.IntegrationTests.ContainerServer;

public sealed class ObjectResolveTests(CatalogProvider provider) : ContainerServerFixtureBase(provider)
{
    private static readonly long Ts = Timestamp.TryParse("1732441234.56789", out var t) ? t.Units : 0;

    [Test]
    public async Task Resolve_ExistingObject_ReturnsCatalogRowAsJson()
    {
        await using (var seed = await SeedAsync())
        {
            var account = await seed.AccountAsync("AUTH_a", Ts);
            var container = await seed.ContainerAsync(account, "photos", Ts);
            var id = await seed.ObjectAsync(account, container, "2024/jan/cat.jpg", 1234, "0123456789abcdef0123456789abcdef", "image/jpeg", Ts);
            await seed.MetadataAsync(id, "user", "color", "grey");
            await seed.MetadataAsync(id, "sys", "content-encoding", "gzip");
        }

        using var response = await GetAsync("/sda/1/AUTH_a/photos/2024/jan/cat.jpg");
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var root = json.RootElement;

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(root.GetProperty("name").GetString(), Is.EqualTo("2024/jan/cat.jpg"));
        Assert.That(root.GetProperty("bytes").GetInt64(), Is.EqualTo(1234));
        Assert.That(root.GetProperty("hash").GetString(), Is.EqualTo("0123456789abcdef0123456789abcdef"));
        Assert.That(root.GetProperty("content_type").GetString(), Is.EqualTo("image/jpeg"));
        Assert.That(root.GetProperty("timestamp").GetString(), Is.EqualTo("1732441234.56789"));
        Assert.That(root.GetProperty("last_modified").GetString(), Is.EqualTo("2024-11-24T09:40:34.567890"));
        Assert.That(root.GetProperty("blob_id").GetString(), Has.Length.EqualTo(32));
        Assert.That(root.GetProperty("delete_at").ValueKind, Is.EqualTo(JsonValueKind.Null));
        Assert.That(root.GetProperty("state").GetString(), Is.EqualTo("enabled"));
        Assert.That(root.GetProperty("meta").GetProperty("color").GetString(), Is.EqualTo("grey"));
        Assert.That(root.GetProperty("sys").GetProperty("content-encoding").GetString(), Is.EqualTo("gzip"));
    }

    [TestCase("/lead", "/sda/1/AUTH_a/c//lead")]
    [TestCase("a//double", "/sda/1/AUTH_a/c/a//double")]
    [TestCase("dir/", "/sda/1/AUTH_a/c/dir/")]
    [TestCase("ümlaut/日本 x%y", "/sda/1/AUTH_a/c/%C3%BCmlaut/%E6%97%A5%E6%9C%AC%20x%25y")]
    [TestCase("q?s", "/sda/1/AUTH_a/c/q%3Fs")]
    public async Task Resolve_OddNames_FoundByTheirEncodedPath(string name, string url)
    {
        await using (var seed = await SeedAsync())
        {
            var account = await seed.AccountAsync("AUTH_a", Ts);
            var container = await seed.ContainerAsync(account, "c", Ts);
            await seed.ObjectAsync(account, container, name, 1, "e", "text/plain", Ts);
        }

        using var response = await GetAsync(url);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(json.RootElement.GetProperty("name").GetString(), Is.EqualTo(name));
    }

    [Test]
    public async Task Resolve_AfterACatalogWrite_AnswersTheNewRow()
    {
        long id;
        await using (var seed = await SeedAsync())
        {
            var account = await seed.AccountAsync("AUTH_a", Ts);
            var container = await seed.ContainerAsync(account, "c", Ts);
            id = await seed.ObjectAsync(account, container, "dir/x", 1, "e", "text/plain", Ts);
        }

        // The same statement answers each request (prepared once on SQLite): nothing it read
        // before a write may come back after it.
        using var before = await GetAsync("/sda/1/AUTH_a/c/dir/x");
        await using (var seed = await SeedAsync())
        {
            await seed.MetadataAsync(id, "user", "color", "grey");
        }

        var changed = await BodyAsync("/sda/1/AUTH_a/c/dir/x");
        await using (var seed = await SeedAsync())
        {
            await seed.DisableAsync(id);
        }

        using var disabled = await GetAsync("/sda/1/AUTH_a/c/dir/x");

        Assert.That(before.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(JsonDocument.Parse(changed).RootElement.GetProperty("meta").GetProperty("color").GetString(), Is.EqualTo("grey"));
        Assert.That(disabled.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    [TestCase("/sda/1/AUTH_a/c/missing")]
    [TestCase("/sda/1/AUTH_a/c/dir")]
    [TestCase("/sda/1/AUTH_a/other/dir/x")]
    [TestCase("/sda/1/AUTH_b/c/dir/x")]
    public async Task Resolve_MissingNameOrDirectory_Returns404(string url)
    {
        await using (var seed = await SeedAsync())
        {
            var account = await seed.AccountAsync("AUTH_a", Ts);
            var container = await seed.ContainerAsync(account, "c", Ts);
            await seed.ObjectAsync(account, container, "dir/x", 1, "e", "text/plain", Ts);
        }

        using var response = await GetAsync(url, Admin);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    [Test]
    public async Task Resolve_ExpiredObject_Returns404EvenForAdmins()
    {
        var past = DateTimeOffset.UtcNow.ToUnixTimeSeconds() - 1;
        var future = DateTimeOffset.UtcNow.ToUnixTimeSeconds() + 3600;
        await using (var seed = await SeedAsync())
        {
            var account = await seed.AccountAsync("AUTH_a", Ts);
            var container = await seed.ContainerAsync(account, "c", Ts);
            await seed.ObjectAsync(account, container, "old", 1, "e", "text/plain", Ts, deleteAt: past);
            await seed.ObjectAsync(account, container, "young", 1, "e", "text/plain", Ts, deleteAt: future);
        }

        using var expired = await GetAsync("/sda/1/AUTH_a/c/old", Admin);
        using var alive = await GetAsync("/sda/1/AUTH_a/c/young");
        using var json = JsonDocument.Parse(await alive.Content.ReadAsStringAsync());

        Assert.That(expired.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(alive.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(json.RootElement.GetProperty("delete_at").GetInt64(), Is.EqualTo(future));
    }

    [TestCase("account")]
    [TestCase("container")]
    [TestCase("directory")]
    [TestCase("inner-directory")]
    [TestCase("object")]
    public async Task Resolve_DisabledRowOnTheWay_NotFoundForUsersFoundForAdmins(string disabled)
    {
        await using (var seed = await SeedAsync())
        {
            var account = await seed.AccountAsync("AUTH_a", Ts);
            var container = await seed.ContainerAsync(account, "c", Ts);
            var obj = await seed.ObjectAsync(account, container, "d/e/f", 1, "e", "text/plain", Ts);
            await seed.DisableAsync(disabled switch
            {
                "account" => account,
                "container" => container,
                "directory" => seed.DirectoryId(container, "d"),
                "inner-directory" => seed.DirectoryId(container, "d/e"),
                _ => obj,
            });
        }

        using var user = await GetAsync("/sda/1/AUTH_a/c/d/e/f", User);
        using var admin = await GetAsync("/sda/1/AUTH_a/c/d/e/f", Admin);
        using var json = JsonDocument.Parse(await admin.Content.ReadAsStringAsync());

        Assert.That(user.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(admin.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(json.RootElement.GetProperty("state").GetString(), Is.EqualTo("disabled"));
    }

    [Test]
    public async Task Resolve_InvalidUtf8InName_Returns412()
    {
        using var response = await GetAsync("/sda/1/AUTH_a/c/bad%FFname");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.PreconditionFailed));
    }
}
