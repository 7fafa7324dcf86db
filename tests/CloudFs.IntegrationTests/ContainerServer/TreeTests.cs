using System.Net;
using System.Text.Json.Nodes;
using CloudFs.Catalog;

namespace CloudFs.IntegrationTests.ContainerServer;

/// <summary><c>GET /{dev}/{part}/{account}/{container}?tree</c> on both catalogs.</summary>
public sealed class TreeTests(CatalogProvider provider) : ContainerServerFixtureBase(provider)
{
    private const long Ts = 173_244_123_456_789;

    // AUTH_a/c: dir/sub/a/1 (1), dir/sub/a/2 (2), dir/sub/b/deep/3 (3), dir/sub/file.txt (10),
    // dir/top.txt (20), root.txt (100): 6 objects, 136 bytes.
    private static readonly (string Name, long Size)[] Objects =
    [
        ("dir/sub/a/1", 1), ("dir/sub/a/2", 2), ("dir/sub/b/deep/3", 3), ("dir/sub/file.txt", 10), ("dir/top.txt", 20), ("root.txt", 100),
    ];

    [Test]
    public async Task Tree_ContainerDefaultDepth_RootWithTotalsAndOneLevel()
    {
        await SeedAsync((_, _, _) => Task.CompletedTask);

        var root = await TreeAsync("/sda/1/AUTH_a/c?tree");

        Assert.That(Shape(root), Is.EqualTo("c[container 6/136](dir[directory 5/36] root.txt[object 100])"));
        var file = root["children"]![1]!;
        Assert.That(file["hash"]!.GetValue<string>(), Is.EqualTo("etag-root.txt"));
        Assert.That(file["content_type"]!.GetValue<string>(), Is.EqualTo("text/plain"));
        Assert.That(file["last_modified"]!.GetValue<string>(), Is.EqualTo("2024-11-24T09:40:34.567890"));
        Assert.That(root["truncated"], Is.Null);
    }

    [Test]
    public async Task Tree_PathAndDeepDepth_WholeSubtreeWithExactTotals()
    {
        await SeedAsync((_, _, _) => Task.CompletedTask);

        var root = await TreeAsync("/sda/1/AUTH_a/c?tree&path=dir/sub/&depth=10");

        Assert.That(Shape(root), Is.EqualTo("dir/sub[directory 4/16](dir/sub/a[directory 2/3](dir/sub/a/1[object 1] dir/sub/a/2[object 2]) "
            + "dir/sub/b[directory 1/3](dir/sub/b/deep[directory 1/3](dir/sub/b/deep/3[object 3])) dir/sub/file.txt[object 10])"));
    }

    [TestCase(0, "c[container 6/136]")]
    [TestCase(2, "c[container 6/136](dir[directory 5/36](dir/sub[directory 4/16] dir/top.txt[object 20]) root.txt[object 100])")]
    public async Task Tree_Depth_ExpandsThatManyLevels(int depth, string expected)
    {
        await SeedAsync((_, _, _) => Task.CompletedTask);

        Assert.That(Shape(await TreeAsync($"/sda/1/AUTH_a/c?tree&depth={depth}")), Is.EqualTo(expected));
    }

    [Test]
    public async Task Tree_LimitBelowChildren_TruncatedFlag()
    {
        await SeedAsync((_, _, _) => Task.CompletedTask);

        var root = await TreeAsync("/sda/1/AUTH_a/c?tree&limit=1&depth=2");

        Assert.That(Shape(root), Is.EqualTo("c[container 6/136](dir[directory 5/36](dir/sub[directory 4/16]))"));
        Assert.That(root["truncated"]!.GetValue<bool>(), Is.True);
        Assert.That(root["children"]![0]!["truncated"]!.GetValue<bool>(), Is.True);
    }

    [Test]
    public async Task Tree_ManyChildren_CappedAtLimit()
    {
        await SeedAsync(async (seed, scope, _) =>
        {
            for (var i = 0; i < 30; i++)
            {
                await seed.ObjectAsync(scope.Account, scope.Container, $"many/f{i:D2}", 1, "e", "text/plain", Ts);
            }
        });

        var root = await TreeAsync("/sda/1/AUTH_a/c?tree&path=many&limit=25");

        Assert.That(root["objects"]!.GetValue<long>(), Is.EqualTo(30));
        Assert.That(root["children"]!.AsArray(), Has.Count.EqualTo(25));
        Assert.That(root["children"]![24]!["name"]!.GetValue<string>(), Is.EqualTo("many/f24"));
        Assert.That(root["truncated"]!.GetValue<bool>(), Is.True);
    }

    [TestCase("/sda/1/AUTH_a/c?tree&path=nothing")]
    [TestCase("/sda/1/AUTH_a/c?tree&path=root.txt")]
    [TestCase("/sda/1/AUTH_a/c?tree&path=dir/sub/file.txt")]
    [TestCase("/sda/1/AUTH_a/nothing?tree")]
    [TestCase("/sda/1/AUTH_nobody/c?tree")]
    public async Task Tree_MissingDirectoryOrContainer_Returns404(string url)
    {
        await SeedAsync((_, _, _) => Task.CompletedTask);

        using var response = await GetAsync(url, Admin);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    [TestCase("/sda/1/AUTH_a/c?tree&depth=11")]
    [TestCase("/sda/1/AUTH_a/c?tree&depth=x")]
    [TestCase("/sda/1/AUTH_a/c?tree&limit=0")]
    [TestCase("/sda/1/AUTH_a/c?tree&limit=1001")]
    [TestCase("/sda/1/AUTH_a/c?tree&path=%FF")]
    public async Task Tree_BadParameters_Returns400(string url)
    {
        await SeedAsync((_, _, _) => Task.CompletedTask);

        using var response = await GetAsync(url);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
    }

    [Test]
    public async Task Tree_DisabledDirectoryAndObject_HiddenFromUsersAndOutOfTotals()
    {
        await SeedAsync(async (seed, scope, ids) =>
        {
            await seed.DisableAsync(seed.DirectoryId(scope.Container, "dir/sub/b"));
            await seed.DisableAsync(ids["dir/top.txt"]);
        });

        var user = await TreeAsync("/sda/1/AUTH_a/c?tree&depth=3", User);
        var admin = await TreeAsync("/sda/1/AUTH_a/c?tree&depth=3", Admin);

        Assert.That(Shape(user), Is.EqualTo("c[container 4/113](dir[directory 3/13](dir/sub[directory 3/13](dir/sub/a[directory 2/3] "
            + "dir/sub/file.txt[object 10])) root.txt[object 100])"));
        Assert.That(Shape(admin), Is.EqualTo("c[container 6/136](dir[directory 5/36](dir/sub[directory 4/16](dir/sub/a[directory 2/3] "
            + "dir/sub/b[directory 1/3] dir/sub/file.txt[object 10]) dir/top.txt[object 20]) root.txt[object 100])"));
    }

    [TestCase("dir/sub/b")]
    [TestCase("dir/sub/b/deep")]
    public async Task Tree_PathAtOrBelowDisabledDirectory_NotFoundForUsers(string path)
    {
        await SeedAsync(async (seed, scope, _) => await seed.DisableAsync(seed.DirectoryId(scope.Container, "dir/sub/b")));

        using var user = await GetAsync($"/sda/1/AUTH_a/c?tree&path={path}", User);
        using var admin = await GetAsync($"/sda/1/AUTH_a/c?tree&path={path}", Admin);

        Assert.That(user.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(admin.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task Tree_DisabledContainer_NotFoundForUsers()
    {
        await SeedAsync(async (seed, scope, _) => await seed.DisableAsync(scope.Container));

        using var user = await GetAsync("/sda/1/AUTH_a/c?tree", User);
        using var admin = await GetAsync("/sda/1/AUTH_a/c?tree", Admin);

        Assert.That(user.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(admin.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task Tree_ExpiredObjects_InvisibleAndDirectoriesLeftEmptyDropped()
    {
        await SeedAsync(async (seed, scope, _) =>
        {
            var past = DateTimeOffset.UtcNow.ToUnixTimeSeconds() - 5;
            var future = DateTimeOffset.UtcNow.ToUnixTimeSeconds() + 3600;
            await seed.ObjectAsync(scope.Account, scope.Container, "gone/x", 1000, "e", "text/plain", Ts, deleteAt: past);
            await seed.ObjectAsync(scope.Account, scope.Container, "dir/old.txt", 1000, "e", "text/plain", Ts, deleteAt: past);
            await seed.ObjectAsync(scope.Account, scope.Container, "dir/later.txt", 7, "e", "text/plain", Ts, deleteAt: future);
        });

        var root = await TreeAsync("/sda/1/AUTH_a/c?tree&depth=2", Admin);
        using var gone = await GetAsync("/sda/1/AUTH_a/c?tree&path=gone", Admin);

        Assert.That(Shape(root), Is.EqualTo("c[container 7/143](dir[directory 6/43](dir/sub[directory 4/16] dir/later.txt[object 7] "
            + "dir/top.txt[object 20]) root.txt[object 100])"));
        Assert.That(gone.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    [Test]
    public async Task Tree_ObjectNamedLikeDirectory_CountedOnlyBesideIt()
    {
        await SeedAsync(async (seed, scope, _) =>
        {
            await seed.ObjectAsync(scope.Account, scope.Container, "dir/sub", 1000, "e", "text/plain", Ts);
            await seed.ObjectAsync(scope.Account, scope.Container, "dir/sub0", 2000, "e", "text/plain", Ts);
        });

        var root = await TreeAsync("/sda/1/AUTH_a/c?tree&path=dir");

        Assert.That(Shape(root), Is.EqualTo("dir[directory 7/3036](dir/sub[directory 4/16] dir/sub[object 1000] dir/sub0[object 2000] dir/top.txt[object 20])"));
    }

    private async Task<JsonNode> TreeAsync(string url, string userType = User)
    {
        using var response = await GetAsync(url, userType);
        var body = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), body);
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/json"));
        return JsonNode.Parse(body)!;
    }

    // name[type objects/bytes](children...) for directories, name[object bytes] for objects.
    private static string Shape(JsonNode node)
    {
        var type = node["type"]!.GetValue<string>();
        var text = node["name"]!.GetValue<string>() + "[" + type + " "
            + (type == "object" ? node["bytes"]!.GetValue<long>().ToString() : $"{node["objects"]!.GetValue<long>()}/{node["bytes"]!.GetValue<long>()}") + "]";
        return node["children"] is JsonArray children ? text + "(" + string.Join(" ", children.Select(c => Shape(c!))) + ")" : text;
    }

    private async Task SeedAsync(Func<CatalogSeeder, (long Account, long Container), Dictionary<string, long>, Task> then)
    {
        await using var seed = await SeedAsync();
        var account = await seed.AccountAsync("AUTH_a", Ts);
        var container = await seed.ContainerAsync(account, "c", Ts);
        var ids = new Dictionary<string, long>();
        foreach (var (name, size) in Objects)
        {
            ids[name] = await seed.ObjectAsync(account, container, name, size, "etag-" + name.Split('/')[^1], "text/plain", Ts);
        }

        await then(seed, (account, container), ids);
    }
}
