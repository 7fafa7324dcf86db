using System.Net;
using CloudFs.Catalog;
using CloudFs.Common.Time;

namespace CloudFs.IntegrationTests.ContainerServer;

/// <summary>Listings and HEAD under the resource firewall and object expiry.</summary>
public sealed class FirewallListingTests(CatalogProvider provider) : ContainerServerFixtureBase(provider)
{
    private static readonly long Ts = Timestamp.TryParse("1732441234.56789", out var t) ? t.Units : 0;

    [Test]
    public async Task ContainerListing_DisabledDirectoryAndObject_HiddenFromUsersShownToAdmins()
    {
        await SeedTreeAsync(async (seed, scope, ids) =>
        {
            await seed.DisableAsync(seed.DirectoryId(scope.Container, "b"));
            await seed.DisableAsync(ids["c/2"]);
        });

        Assert.That(await BodyAsync("/sda/1/AUTH_a/c", User), Is.EqualTo("a/1\na/2\nb0\nc/1\nd\n"));
        Assert.That(await BodyAsync("/sda/1/AUTH_a/c?delimiter=/", User), Is.EqualTo("a/\nb0\nc/\nd\n"));
        Assert.That(await BodyAsync("/sda/1/AUTH_a/c?reverse=true", User), Is.EqualTo("d\nc/1\nb0\na/2\na/1\n"));
        Assert.That(await BodyAsync("/sda/1/AUTH_a/c?limit=3", User), Is.EqualTo("a/1\na/2\nb0\n"));
        Assert.That(await BodyAsync("/sda/1/AUTH_a/c", Admin), Is.EqualTo("a/1\na/2\nb/1\nb/2\nb/x/3\nb0\nc/1\nc/2\nd\n"));
    }

    [Test]
    public async Task ContainerListing_ExpiredObject_LeftOut()
    {
        await SeedTreeAsync(async (seed, scope, _) =>
            await seed.ObjectAsync(scope.Account, scope.Container, "e", 1, "x", "text/plain", Ts, deleteAt: DateTimeOffset.UtcNow.ToUnixTimeSeconds() - 5));

        Assert.That(await BodyAsync("/sda/1/AUTH_a/c?prefix=d", Admin), Is.EqualTo("d\n"));
        Assert.That(await BodyAsync("/sda/1/AUTH_a/c?marker=d", Admin), Is.EqualTo(""));
    }

    [TestCase("GET")]
    [TestCase("HEAD")]
    public async Task Container_Disabled_NotFoundForUsers(string method)
    {
        await SeedTreeAsync(async (seed, scope, _) => await seed.DisableAsync(scope.Container));

        using var user = await GetAsync("/sda/1/AUTH_a/c", User, new HttpMethod(method));
        using var admin = await GetAsync("/sda/1/AUTH_a/c", Admin, new HttpMethod(method));

        Assert.That(user.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(admin.StatusCode, Is.EqualTo(method == "GET" ? HttpStatusCode.OK : HttpStatusCode.NoContent));
    }

    [Test]
    public async Task AccountListing_DisabledContainer_HiddenFromUsers()
    {
        await SeedTreeAsync(async (seed, scope, _) =>
        {
            var hidden = await seed.ContainerAsync(scope.Account, "hidden", Ts);
            await seed.DisableAsync(hidden);
        });

        Assert.That(await BodyAsync("/sda/1/AUTH_a", User), Is.EqualTo("c\n"));
        Assert.That(await BodyAsync("/sda/1/AUTH_a", Admin), Is.EqualTo("c\nhidden\n"));
    }

    [Test]
    public async Task AccountHead_Usage_ComesFromQuotaRows()
    {
        await SeedTreeAsync((_, _, _) => Task.CompletedTask);

        using var response = await GetAsync("/sda/1/AUTH_a", User, HttpMethod.Head);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        Assert.That(response.Headers.GetValues("X-Account-Container-Count").Single(), Is.EqualTo("1"));
        Assert.That(response.Headers.GetValues("X-Account-Object-Count").Single(), Is.EqualTo("9"));
        Assert.That(response.Headers.GetValues("X-Account-Bytes-Used").Single(), Is.EqualTo("45"));
        Assert.That(response.Headers.GetValues("X-Timestamp").Single(), Is.EqualTo("1732441234.56789"));
    }

    [TestCase("/sda/1/AUTH_nobody")]
    [TestCase("/sda/1/AUTH_a/nothing")]
    public async Task Listing_MissingAccountOrContainer_Returns404(string url)
    {
        await SeedTreeAsync((_, _, _) => Task.CompletedTask);

        using var response = await GetAsync(url, Admin);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    [TestCase("/sda/1/AUTH_a/c?prefix=%FF", HttpStatusCode.BadRequest)]
    [TestCase("/sda/1/AUTH_a/c?limit=99999999999999", HttpStatusCode.PreconditionFailed)]
    [TestCase("/sda/1/AUTH_a/c?format=json", HttpStatusCode.OK)]
    [TestCase("/sda/1/AUTH_a/c?unknown=%FF", HttpStatusCode.OK)]
    public async Task Listing_Parameters_ValidatedAsSwiftDoes(string url, HttpStatusCode expected)
    {
        await SeedTreeAsync((_, _, _) => Task.CompletedTask);

        using var response = await GetAsync(url);

        Assert.That(response.StatusCode, Is.EqualTo(expected));
    }

    // a/1 a/2 b/1 b/2 b/x/3 b0 c/1 c/2 d, sizes 1..9 (45 bytes), in AUTH_a/c.
    private async Task SeedTreeAsync(Func<CatalogSeeder, (long Account, long Container), Dictionary<string, long>, Task> then)
    {
        await using var seed = await SeedAsync();
        var account = await seed.AccountAsync("AUTH_a", Ts);
        var container = await seed.ContainerAsync(account, "c", Ts);
        var ids = new Dictionary<string, long>();
        var size = 1;
        foreach (var name in new[] { "a/1", "a/2", "b/1", "b/2", "b/x/3", "b0", "c/1", "c/2", "d" })
        {
            ids[name] = await seed.ObjectAsync(account, container, name, size++, "e", "text/plain", Ts);
        }

        await then(seed, (account, container), ids);
    }
}
