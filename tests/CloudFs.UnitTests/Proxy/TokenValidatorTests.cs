using CloudFs.Backend;
using CloudFs.Common.Hosting;
using CloudFs.Common.Time;
using CloudFs.Proxy;
using CloudFs.Proxy.Auth;
using CloudFs.Proxy.Backend;
using CloudFs.Proxy.Routing;
using CloudFs.Ring;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CloudFs.UnitTests.Proxy;

/// <summary>
/// TokenValidator against a fake account server's <c>/auth/validate</c> (real HTTP, found through
/// a real account ring) and a clock the test moves: answers, caching, expiry and failures.
/// </summary>
public class TokenValidatorTests
{
    private const string Token = "AUTH_tk0123456789abcdef0123456789abcdef";
    private static readonly DateTimeOffset Start = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly CallContext Call = new("txauth", new Timestamp(173_244_123_456_789), new BackendCaller(9, "someone:else", "admin"));

    // NUnit shares one fixture instance between tests: everything is made fresh in SetUp.
    private ManualTimeProvider _time = null!;
    private List<string> _asked = null!;
    private FakeBackend _backend = null!;
    private int _status;
    private long _expiresAt;

    [SetUp]
    public async Task SetUpAsync()
    {
        _time = new ManualTimeProvider(Start);
        _asked = [];
        _status = 200;
        _expiresAt = Start.AddHours(1).ToUnixTimeSeconds();
        _backend = await FakeBackend.StartAsync(AccountServerAsync);
    }

    [TearDown]
    public async Task TearDownAsync() => await _backend.DisposeAsync();

    [Test]
    public async Task ValidateAsync_LiveToken_ReturnsTheAccountServersUser()
    {
        var who = await Validator().ValidateAsync(Token, Call, CancellationToken.None);

        Assert.That(who, Is.EqualTo(new Identity(42, "test:tester", "AUTH_test", "owner", _expiresAt)));
        Assert.That(_asked, Is.EqualTo(new[] { Token + " user=" }), "the token is sent; the caller's identity is not");
    }

    [Test]
    public async Task ValidateAsync_AgainWithinCacheTime_AsksOnce()
    {
        var validator = Validator(cacheSeconds: 10);

        await validator.ValidateAsync(Token, Call, CancellationToken.None);
        _time.Advance(TimeSpan.FromSeconds(9));
        var second = await validator.ValidateAsync(Token, Call, CancellationToken.None);

        Assert.That(second?.User, Is.EqualTo("test:tester"));
        Assert.That(_asked, Has.Count.EqualTo(1));
    }

    [Test]
    public async Task ValidateAsync_AfterCacheTime_AsksAgainAndSeesRevocation()
    {
        var validator = Validator(cacheSeconds: 10);

        await validator.ValidateAsync(Token, Call, CancellationToken.None);
        _status = 404; // revoked on the account server
        _time.Advance(TimeSpan.FromSeconds(11));
        var second = await validator.ValidateAsync(Token, Call, CancellationToken.None);

        Assert.That(second, Is.Null);
        Assert.That(_asked, Has.Count.EqualTo(2));
    }

    [Test]
    public async Task ValidateAsync_TokenExpiresBeforeCacheTime_RefusedAtItsExpiry()
    {
        _expiresAt = Start.AddSeconds(5).ToUnixTimeSeconds();
        var validator = Validator(cacheSeconds: 60);

        var fresh = await validator.ValidateAsync(Token, Call, CancellationToken.None);
        _time.Advance(TimeSpan.FromSeconds(4));
        var cached = await validator.ValidateAsync(Token, Call, CancellationToken.None);
        _time.Advance(TimeSpan.FromSeconds(2));
        var expired = await validator.ValidateAsync(Token, Call, CancellationToken.None);

        Assert.That(fresh, Is.Not.Null);
        Assert.That(cached, Is.Not.Null);
        Assert.That(expired, Is.Null, "the cache never outlives the token, even if the server still vouched for it");
        Assert.That(_asked, Has.Count.EqualTo(2));
    }

    [Test]
    public async Task ValidateAsync_AnswerAlreadyExpired_IsNullAndNotCached()
    {
        _expiresAt = Start.AddSeconds(-1).ToUnixTimeSeconds();
        var validator = Validator();

        var first = await validator.ValidateAsync(Token, Call, CancellationToken.None);
        var second = await validator.ValidateAsync(Token, Call, CancellationToken.None);

        Assert.That(first, Is.Null);
        Assert.That(second, Is.Null);
        Assert.That(_asked, Has.Count.EqualTo(2));
    }

    [Test]
    public async Task ValidateAsync_UnknownToken_IsNullAndNotCached()
    {
        _status = 404;
        var validator = Validator();

        var first = await validator.ValidateAsync(Token, Call, CancellationToken.None);
        _status = 200; // e.g. the user logged in meanwhile: the next check must ask again
        var second = await validator.ValidateAsync(Token, Call, CancellationToken.None);

        Assert.That(first, Is.Null);
        Assert.That(second, Is.Not.Null);
        Assert.That(_asked, Has.Count.EqualTo(2));
    }

    [Test]
    public void ValidateAsync_AccountServerFails_ThrowsBackendUnavailable()
    {
        _status = 503;
        var validator = Validator();

        Assert.That(async () => await validator.ValidateAsync(Token, Call, CancellationToken.None), Throws.InstanceOf<BackendUnavailableException>());
    }

    [Test]
    public async Task ValidateAsync_AccountServerUnreachable_ThrowsBackendUnavailable()
    {
        var validator = Validator();
        await _backend.StopServerAsync();

        Assert.That(async () => await validator.ValidateAsync(Token, Call, CancellationToken.None), Throws.InstanceOf<BackendUnavailableException>());
    }

    [Test]
    public async Task ValidateAsync_FailureAfterCachedSuccess_StillAnsweredFromCache()
    {
        var validator = Validator(cacheSeconds: 10);

        await validator.ValidateAsync(Token, Call, CancellationToken.None);
        _status = 503;
        var cached = await validator.ValidateAsync(Token, Call, CancellationToken.None);

        Assert.That(cached?.User, Is.EqualTo("test:tester"));
        Assert.That(_asked, Has.Count.EqualTo(1));
    }

    private TokenValidator Validator(double cacheSeconds = 10)
    {
        var options = Options.Create(new ProxyOptions { TokenCacheSeconds = cacheSeconds });
        return new TokenValidator(_backend.Client, new AuthNodes(_backend.Rings, _backend.Selector), _time, options);
    }

    private async Task AccountServerAsync(HttpContext context)
    {
        if (context.Request.Path != "/auth/validate")
        {
            context.Response.StatusCode = 404;
            return;
        }

        lock (_asked)
        {
            _asked.Add($"{context.Request.Headers["X-Auth-Token"]} user={context.Request.Headers["X-Backend-User"]}");
        }

        context.Response.StatusCode = _status;
        if (_status == 200)
        {
            await context.Response.WriteAsJsonAsync(new { user_id = 42, user = "test:tester", account = "AUTH_test", type = "owner", expires_at = _expiresAt });
        }
    }
}
