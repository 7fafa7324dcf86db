using System.Net;
using System.Text.Json.Nodes;
using CloudFs.Catalog;

namespace CloudFs.IntegrationTests.ContainerServer;

/// <summary><c>GET /{dev}/{part}/{account}?search</c> and <c>GET /search</c> on both catalogs.</summary>
public sealed class SearchTests(CatalogProvider provider) : ContainerServerFixtureBase(provider)
{
    private const long T0 = 1_700_000_000;

    // (account, container, name, size, seconds after T0)
    private static readonly (string Account, string Container, string Name, long Size, long At)[] Objects =
    [
        ("AUTH_a", "c1", "photos/cat.jpg", 100, 100),
        ("AUTH_a", "c1", "photos/catalog.pdf", 2000, 200),
        ("AUTH_a", "c1", "docs/report-2024.txt", 50, 300),
        ("AUTH_a", "c1", "docs/cat/notes.txt", 10, 400),
        ("AUTH_a", "c1", "bobcat.png", 300, 500),
        ("AUTH_a", "c2", "cat.txt", 5, 600),
        ("AUTH_a", "c2", "café.txt", 9, 650),
        ("AUTH_a", "c2", "dog.txt", 6, 700),
        ("AUTH_b", "c1", "cat.gif", 7, 800),
        ("AUTH_b", "c1", "kitty/cat.bmp", 8, 900),
    ];

    [TestCase("name=cat*", "c1/photos/cat.jpg c2/cat.txt c1/photos/catalog.pdf")]
    [TestCase("name=cat", "c1/bobcat.png c1/photos/cat.jpg c2/cat.txt c1/photos/catalog.pdf")]
    [TestCase("name=cat.%3F%3F%3F", "c1/photos/cat.jpg c2/cat.txt")]
    [TestCase("name=*a*.t?t", "c2/café.txt c2/cat.txt")]
    [TestCase("name=caf%3F.txt", "c2/café.txt")]
    [TestCase("name=CAT", "")]
    [TestCase("name=*", "c1/bobcat.png c2/café.txt c1/photos/cat.jpg c2/cat.txt c1/photos/catalog.pdf c2/dog.txt c1/docs/cat/notes.txt c1/docs/report-2024.txt")]
    public async Task Search_NamePatterns_MatchLastSegment(string query, string expected)
    {
        await SeedAsync((_, _) => Task.CompletedTask);

        Assert.That(Names(await SearchAsync("/sda/1/AUTH_a?search&" + query)), Is.EqualTo(expected));
    }

    [TestCase("type=directory&name=cat", "c1/docs/cat")]
    [TestCase("type=directory", "c1/docs/cat c1/docs c1/photos")]
    [TestCase("name=*&min_size=100&max_size=300", "c1/bobcat.png c1/photos/cat.jpg")]
    [TestCase("name=cat&min_size=301", "c1/photos/catalog.pdf")]
    [TestCase("modified_after=1700000150&modified_before=1700000400", "c1/photos/catalog.pdf c1/docs/report-2024.txt")]
    [TestCase("modified_after=1700000400&name=t", "c1/bobcat.png c2/café.txt c2/cat.txt c2/dog.txt c1/docs/cat/notes.txt")]
    [TestCase("container=c2", "c2/café.txt c2/cat.txt c2/dog.txt")]
    [TestCase("container=c2&name=cat*", "c2/cat.txt")]
    [TestCase("container=nothing", "")]
    public async Task Search_Filters_Applied(string query, string expected)
    {
        await SeedAsync((_, _) => Task.CompletedTask);

        Assert.That(Names(await SearchAsync("/sda/1/AUTH_a?search&" + query)), Is.EqualTo(expected));
    }

    [Test]
    public async Task Search_Result_CarriesListingFields()
    {
        await SeedAsync((_, _) => Task.CompletedTask);

        var result = await SearchAsync("/sda/1/AUTH_a?search&name=bobcat");

        var hit = result["results"]![0]!;
        Assert.That(hit["account"]!.GetValue<string>(), Is.EqualTo("AUTH_a"));
        Assert.That(hit["container"]!.GetValue<string>(), Is.EqualTo("c1"));
        Assert.That(hit["name"]!.GetValue<string>(), Is.EqualTo("bobcat.png"));
        Assert.That(hit["bytes"]!.GetValue<long>(), Is.EqualTo(300));
        Assert.That(hit["hash"]!.GetValue<string>(), Is.EqualTo("etag-bobcat.png"));
        Assert.That(hit["content_type"]!.GetValue<string>(), Is.EqualTo("text/plain"));
        Assert.That(hit["last_modified"]!.GetValue<string>(), Is.EqualTo("2023-11-14T22:21:40.000000"));
        Assert.That(result["next_marker"], Is.Null);
    }

    [TestCase(1)]
    [TestCase(3)]
    [TestCase(7)]
    public async Task Search_Paging_EveryResultOnceInOrder(int limit)
    {
        await SeedAsync(async (seed, ids) =>
        {
            // Equal last segments in different places: the (name, id) keyset must keep them apart.
            for (var i = 0; i < 5; i++)
            {
                await seed.ObjectAsync(ids["AUTH_a"], ids["AUTH_a/c1"], $"same/{i}/x.txt", i, "e", "text/plain", (T0 + i) * 100_000);
            }
        });
        var all = Names(await SearchAsync("/sda/1/AUTH_a?search&name=*&limit=10000"));

        var paged = new List<string>();
        string? marker = null;
        var pages = 0;
        do
        {
            var page = await SearchAsync("/sda/1/AUTH_a?search&name=*&limit=" + limit + (marker is null ? "" : "&marker=" + marker));
            var names = Names(page);
            paged.AddRange(names.Length == 0 ? [] : names.Split(' '));
            marker = page["next_marker"]?.GetValue<string>();
            pages++;
        }
        while (marker is not null && pages < 100);

        Assert.That(all.Split(' '), Has.Length.EqualTo(13));
        Assert.That(string.Join(' ', paged), Is.EqualTo(all));
        Assert.That(pages, Is.EqualTo((13 + limit - 1) / limit));
    }

    [Test]
    public async Task SearchAll_Admin_AcrossAccountsPaged()
    {
        await SeedAsync((_, _) => Task.CompletedTask);

        var first = await SearchAsync("/search?name=cat*&limit=4", Admin);
        var second = await SearchAsync("/search?name=cat*&limit=4&marker=" + first["next_marker"]!.GetValue<string>(), Admin);

        Assert.That(Hits(first), Is.EqualTo("AUTH_a/c1/photos/cat.jpg AUTH_a/c2/cat.txt AUTH_a/c1/photos/catalog.pdf AUTH_b/c1/kitty/cat.bmp"));
        Assert.That(Hits(second), Is.EqualTo("AUTH_b/c1/cat.gif"));
        Assert.That(second["next_marker"], Is.Null);
    }

    [Test]
    public async Task SearchAll_ContainerFilter_EachAccountsContainer()
    {
        await SeedAsync((_, _) => Task.CompletedTask);

        Assert.That(Hits(await SearchAsync("/search?name=cat&container=c1", Admin)),
            Is.EqualTo("AUTH_a/c1/bobcat.png AUTH_a/c1/photos/cat.jpg AUTH_a/c1/photos/catalog.pdf AUTH_b/c1/kitty/cat.bmp AUTH_b/c1/cat.gif"));
    }

    [Test]
    public async Task Search_DisabledDirectoryContainerAndObject_HiddenFromUsersShownToAdmins()
    {
        await SeedAsync(async (seed, ids) =>
        {
            await seed.DisableAsync(seed.DirectoryId(ids["AUTH_a/c1"], "photos"));
            await seed.DisableAsync(ids["AUTH_a/c2"]);
            await seed.DisableAsync(ids["AUTH_a/c1/bobcat.png"]);
        });

        Assert.That(Names(await SearchAsync("/sda/1/AUTH_a?search&name=cat", User)), Is.EqualTo(""));
        Assert.That(Names(await SearchAsync("/sda/1/AUTH_a?search&type=directory", User)), Is.EqualTo("c1/docs/cat c1/docs"));
        Assert.That(Names(await SearchAsync("/sda/1/AUTH_a?search&name=cat", Admin)),
            Is.EqualTo("c1/bobcat.png c1/photos/cat.jpg c2/cat.txt c1/photos/catalog.pdf"));
    }

    [Test]
    public async Task Search_DisabledAccount_NotFoundForUsersAndSkippedAcrossAccounts()
    {
        await SeedAsync(async (seed, ids) => await seed.DisableAsync(ids["AUTH_b"]));

        using var user = await GetAsync("/sda/1/AUTH_b?search&name=cat", User);

        Assert.That(user.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(Hits(await SearchAsync("/search?name=cat.gif", User)), Is.EqualTo(""));
        Assert.That(Hits(await SearchAsync("/search?name=cat.gif", Admin)), Is.EqualTo("AUTH_b/c1/cat.gif"));
    }

    [Test]
    public async Task Search_ExpiredObject_Invisible()
    {
        await SeedAsync(async (seed, ids) =>
        {
            await seed.ObjectAsync(ids["AUTH_a"], ids["AUTH_a/c2"], "cat.old", 1, "e", "text/plain", T0 * 100_000,
                deleteAt: DateTimeOffset.UtcNow.ToUnixTimeSeconds() - 5);
            await seed.ObjectAsync(ids["AUTH_a"], ids["AUTH_a/c2"], "cat.new", 1, "e", "text/plain", T0 * 100_000,
                deleteAt: DateTimeOffset.UtcNow.ToUnixTimeSeconds() + 3600);
        });

        Assert.That(Names(await SearchAsync("/sda/1/AUTH_a?search&name=cat.*", Admin)), Is.EqualTo("c1/photos/cat.jpg c2/cat.new c2/cat.txt"));
    }

    [TestCase("/sda/1/AUTH_a?search&type=file")]
    [TestCase("/sda/1/AUTH_a?search&limit=0")]
    [TestCase("/sda/1/AUTH_a?search&limit=10001")]
    [TestCase("/sda/1/AUTH_a?search&min_size=-1")]
    [TestCase("/sda/1/AUTH_a?search&modified_after=yesterday")]
    [TestCase("/sda/1/AUTH_a?search&marker=garbage!")]
    [TestCase("/sda/1/AUTH_a?search&name=%FF")]
    [TestCase("/search?limit=x")]
    public async Task Search_BadParameters_Returns400(string url)
    {
        await SeedAsync((_, _) => Task.CompletedTask);

        using var response = await GetAsync(url, Admin);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
    }

    [Test]
    public async Task Search_MarkerOfAnotherAccount_Returns400()
    {
        await SeedAsync((_, _) => Task.CompletedTask);
        var marker = (await SearchAsync("/search?name=cat*&limit=4", Admin))["next_marker"]!.GetValue<string>();

        using var response = await GetAsync("/sda/1/AUTH_a?search&marker=" + marker, Admin);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
    }

    [Test]
    public async Task Search_MissingAccount_Returns404()
    {
        await SeedAsync((_, _) => Task.CompletedTask);

        using var response = await GetAsync("/sda/1/AUTH_nobody?search&name=x", Admin);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    private async Task<JsonNode> SearchAsync(string url, string userType = User)
    {
        using var response = await GetAsync(url, userType);
        var body = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), body);
        return JsonNode.Parse(body)!;
    }

    private static string Names(JsonNode result) => string.Join(' ', result["results"]!.AsArray()
        .Select(h => h!["container"]!.GetValue<string>() + "/" + h["name"]!.GetValue<string>()));

    private static string Hits(JsonNode result) => string.Join(' ', result["results"]!.AsArray()
        .Select(h => h!["account"]!.GetValue<string>() + "/" + h["container"]!.GetValue<string>() + "/" + h["name"]!.GetValue<string>()));

    // ids: "AUTH_a", "AUTH_a/c1" and "AUTH_a/c1/<name>" style keys.
    private async Task SeedAsync(Func<CatalogSeeder, Dictionary<string, long>, Task> then)
    {
        await using var seed = await SeedAsync();
        var ids = new Dictionary<string, long>();
        foreach (var (account, container, name, size, at) in Objects)
        {
            if (!ids.TryGetValue(account, out var accountId))
            {
                ids[account] = accountId = await seed.AccountAsync(account, T0 * 100_000);
            }

            if (!ids.TryGetValue(account + "/" + container, out var containerId))
            {
                ids[account + "/" + container] = containerId = await seed.ContainerAsync(accountId, container, T0 * 100_000);
            }

            ids[$"{account}/{container}/{name}"] = await seed.ObjectAsync(accountId, containerId, name, size, "etag-" + name.Split('/')[^1],
                "text/plain", (T0 + at) * 100_000);
        }

        await then(seed, ids);
    }
}
