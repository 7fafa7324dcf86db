using CloudFs.Backend;
using CloudFs.Common.Contracts;
using CloudFs.Common.Hosting;
using CloudFs.Common.Time;
using CloudFs.Proxy;
using CloudFs.Proxy.Backend;
using CloudFs.Proxy.Paths;
using CloudFs.Proxy.Routing;
using CloudFs.Ring;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CloudFs.UnitTests.Proxy;

/// <summary>
/// CatalogClient.AdmitAsync with an AdmissionCache, against a fake account server's <c>/admit</c>
/// (real HTTP, found through a real account ring) and a clock the test moves: which admissions
/// are asked for and which are answered from the cache.
/// </summary>
public class AdmissionCacheTests
{
    private static readonly DateTimeOffset Start = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly CallContext Call = new("txadmit", new Timestamp(173_244_123_456_789), new BackendCaller(7, "test:tester", "owner"));
    private static readonly ResourcePath Photos = new("AUTH_test", "photos", "a.jpg", "");
    private static readonly ResourcePath PhotosOther = new("AUTH_test", "photos", "b.jpg", "");
    private static readonly ResourcePath Music = new("AUTH_test", "music", "c.mp3", "");

    // NUnit shares one fixture instance between tests: everything is made fresh in SetUp.
    private ManualTimeProvider _time = null!;
    private List<string> _asked = null!;
    private FakeBackend _backend = null!;
    private string _reservation = "";
    private int _status;

    [SetUp]
    public async Task SetUpAsync()
    {
        _time = new ManualTimeProvider(Start);
        _asked = [];
        _reservation = "";
        _status = 200;
        _backend = await FakeBackend.StartAsync(AccountServerAsync);
    }

    [TearDown]
    public async Task TearDownAsync() => await _backend.DisposeAsync();

    [Test]
    public async Task AdmitAsync_NoQuotaAnswer_NextUploadsIntoTheContainerAreNotAsked()
    {
        var (catalog, _) = Catalog();

        var first = await catalog.AdmitAsync(Photos, 10, Call, CancellationToken.None);
        _time.Advance(TimeSpan.FromSeconds(9));
        var second = await catalog.AdmitAsync(PhotosOther, 20, Call, CancellationToken.None);

        Assert.That(first.Value, Is.EqualTo(new Admission("", 2)));
        Assert.That(second.Value, Is.EqualTo(new Admission("", 2)), "the policy comes from the cached answer");
        Assert.That(_asked, Has.Count.EqualTo(1));
        Assert.That(_asked[0], Does.Match(@"^/admit/d1/\d+/AUTH_test/photos/a\.jpg 10$"));
    }

    [Test]
    public async Task AdmitAsync_AfterCacheTime_AsksAgain()
    {
        var (catalog, _) = Catalog();

        await catalog.AdmitAsync(Photos, 10, Call, CancellationToken.None);
        _time.Advance(TimeSpan.FromSeconds(11));
        await catalog.AdmitAsync(PhotosOther, 20, Call, CancellationToken.None);

        Assert.That(_asked, Has.Count.EqualTo(2));
    }

    [Test]
    public async Task AdmitAsync_AnotherContainer_IsAsked()
    {
        var (catalog, _) = Catalog();

        await catalog.AdmitAsync(Photos, 10, Call, CancellationToken.None);
        await catalog.AdmitAsync(Music, 10, Call, CancellationToken.None);

        Assert.That(_asked, Has.Count.EqualTo(2));
    }

    [Test]
    public async Task AdmitAsync_Reservation_IsNeverReused()
    {
        _reservation = "r1";
        var (catalog, _) = Catalog();

        var first = await catalog.AdmitAsync(Photos, 10, Call, CancellationToken.None);
        var second = await catalog.AdmitAsync(PhotosOther, 10, Call, CancellationToken.None);

        Assert.That(first.Value!.Reservation, Is.EqualTo("r1"));
        Assert.That(second.Value!.Reservation, Is.EqualTo("r1"), "each upload got its own answer from the account server");
        Assert.That(_asked, Has.Count.EqualTo(2));
    }

    [Test]
    public async Task AdmitAsync_QuotaSetAfterACachedAnswer_AskedAgainOnceForgotten()
    {
        var (catalog, cache) = Catalog();

        await catalog.AdmitAsync(Photos, 10, Call, CancellationToken.None);
        _reservation = "r2"; // a quota was set on the container
        cache.Forget("AUTH_test", "photos");
        var second = await catalog.AdmitAsync(PhotosOther, 10, Call, CancellationToken.None);
        var third = await catalog.AdmitAsync(PhotosOther, 10, Call, CancellationToken.None);

        Assert.That(second.Value!.Reservation, Is.EqualTo("r2"));
        Assert.That(third.Value!.Reservation, Is.EqualTo("r2"));
        Assert.That(_asked, Has.Count.EqualTo(3));
    }

    [Test]
    public async Task Forget_Account_DropsEveryContainerOfThatAccountOnly()
    {
        var (catalog, cache) = Catalog();
        var elsewhere = new ResourcePath("AUTH_other", "photos", "a.jpg", "");
        await catalog.AdmitAsync(Photos, 1, Call, CancellationToken.None);
        await catalog.AdmitAsync(Music, 1, Call, CancellationToken.None);
        await catalog.AdmitAsync(elsewhere, 1, Call, CancellationToken.None);

        cache.Forget("AUTH_test", null);

        Assert.That(cache.Policy("AUTH_test", "photos"), Is.Null);
        Assert.That(cache.Policy("AUTH_test", "music"), Is.Null);
        Assert.That(cache.Policy("AUTH_other", "photos"), Is.EqualTo(2));
    }

    [TestCase(404)]
    [TestCase(403)]
    [TestCase(413)]
    public async Task CommitRefused_ContainerGoneFirewalledOrOverQuota_NextUploadIsAsked(int status)
    {
        var (catalog, _) = Catalog();
        await catalog.AdmitAsync(Photos, 10, Call, CancellationToken.None);

        catalog.CommitRefused(PhotosOther, status);
        await catalog.AdmitAsync(PhotosOther, 10, Call, CancellationToken.None);

        Assert.That(_asked, Has.Count.EqualTo(2));
    }

    [Test]
    public async Task CommitRefused_Conflict_KeepsTheEntry()
    {
        var (catalog, _) = Catalog();
        await catalog.AdmitAsync(Photos, 10, Call, CancellationToken.None);

        catalog.CommitRefused(PhotosOther, 409);
        await catalog.AdmitAsync(PhotosOther, 10, Call, CancellationToken.None);

        Assert.That(_asked, Has.Count.EqualTo(1));
    }

    [Test]
    public async Task AdmitAsync_Refused_IsNotCached()
    {
        _status = 404;
        var (catalog, _) = Catalog();

        var first = await catalog.AdmitAsync(Photos, 10, Call, CancellationToken.None);
        _status = 200; // the container was created meanwhile
        var second = await catalog.AdmitAsync(Photos, 10, Call, CancellationToken.None);

        Assert.That(first.IsSuccess, Is.False);
        Assert.That(second.IsSuccess, Is.True);
        Assert.That(_asked, Has.Count.EqualTo(2));
    }

    [Test]
    public async Task AdmitAsync_CacheTimeZero_AsksEveryTime()
    {
        var (catalog, _) = Catalog(cacheSeconds: 0);

        await catalog.AdmitAsync(Photos, 10, Call, CancellationToken.None);
        await catalog.AdmitAsync(PhotosOther, 10, Call, CancellationToken.None);

        Assert.That(_asked, Has.Count.EqualTo(2));
    }

    private (CatalogClient Catalog, AdmissionCache Cache) Catalog(double cacheSeconds = 10)
    {
        var cache = new AdmissionCache(Options.Create(new ProxyOptions { AdmissionCacheSeconds = cacheSeconds }), _time);
        return (new CatalogClient(_backend.Client, _backend.Rings, _backend.Selector, admissions: cache), cache);
    }

    private async Task AccountServerAsync(HttpContext context)
    {
        lock (_asked)
        {
            _asked.Add($"{context.Request.Path} {context.Request.Headers[BackendHeaders.ContentLength]}");
        }

        context.Response.StatusCode = _status;
        if (_status == 200)
        {
            await context.Response.WriteAsJsonAsync(new Admission(_reservation, 2), ContractJson.Default.Admission);
        }
    }
}
