using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace CloudFs.Proxy.Auth;

/// <summary>
/// Rate limits on failed logins, with the token buckets of ASP.NET Core's rate limiting
/// (System.Threading.RateLimiting): one per user name (whoever is guessed at) and one per client
/// address (whoever guesses), chained, so neither many users from one address nor one user from
/// many addresses escapes. A login is refused (429) while either bucket is empty; a login the
/// account server refuses (401) takes a token from both. Successful logins cost nothing, so
/// clients that log in for every command (the swift CLI, test suites) are never slowed, while
/// guessing is held to the refill rate. Buckets are per proxy.
/// </summary>
public sealed class LoginThrottle : IAsyncDisposable
{
    // Null where the configured rate is 0 (no limit).
    private readonly PartitionedRateLimiter<HttpContext>? _byClient;
    private readonly PartitionedRateLimiter<HttpContext>? _byUser;
    private readonly TimeSpan _retryAfter;

    public LoginThrottle(IOptions<LoginRateLimitOptions> options)
    {
        var o = options.Value;
        _byClient = Buckets(o.PerClientBurst, o.PerClientPerMinute, ClientKey);
        _byUser = Buckets(o.PerUserBurst, o.PerUserPerMinute, UserKey);
        // At most one refill period until the emptier bucket holds a token again.
        _retryAfter = TimeSpan.FromMinutes(1) / Math.Max(1, Math.Min(Rate(o.PerClientPerMinute), Rate(o.PerUserPerMinute)));
    }

    /// <summary>tempauth's login paths, as the proxy routes them to an account server.</summary>
    public static bool IsLogin(HttpRequest request) =>
        HttpMethods.IsGet(request.Method) && request.Path.Value is { } path &&
        (path == "/auth/v1.0" || path == "/auth" || (path.StartsWith("/auth/v1/", StringComparison.Ordinal) && path.EndsWith("/auth", StringComparison.Ordinal)));

    /// <summary>Null when the login may go ahead; else how long to wait before trying again.</summary>
    public TimeSpan? Refusal(HttpContext context) =>
        HasToken(_byClient, context) && HasToken(_byUser, context) ? null : _retryAfter;

    /// <summary>A refused login: one token from the client's bucket and the user's.</summary>
    public void Failed(HttpContext context)
    {
        using (_byClient?.AttemptAcquire(context))
        using (_byUser?.AttemptAcquire(context))
        {
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_byClient is not null)
        {
            await _byClient.DisposeAsync();
        }

        if (_byUser is not null)
        {
            await _byUser.DisposeAsync();
        }
    }

    private static bool HasToken(PartitionedRateLimiter<HttpContext>? buckets, HttpContext context) =>
        buckets is null || buckets.GetStatistics(context)?.CurrentAvailablePermits > 0;

    private static int Rate(int perMinute) => perMinute == 0 ? int.MaxValue : perMinute;

    private static PartitionedRateLimiter<HttpContext>? Buckets(int burst, int perMinute, Func<HttpContext, string> key) =>
        perMinute == 0
            ? null
            : PartitionedRateLimiter.Create<HttpContext, string>(context => RateLimitPartition.GetTokenBucketLimiter(key(context),
                _ => new TokenBucketRateLimiterOptions
                {
                    TokenLimit = burst,
                    TokensPerPeriod = 1,
                    ReplenishmentPeriod = TimeSpan.FromMinutes(1) / perMinute,
                    AutoReplenishment = true,
                    QueueLimit = 0,
                }));

    private static string ClientKey(HttpContext context) => context.Connection.RemoteIpAddress?.ToString() ?? "";

    // tempauth takes the user from X-Auth-User or X-Storage-User; a guess without either still counts, as "".
    private static string UserKey(HttpContext context)
    {
        var user = context.Request.Headers["X-Auth-User"].ToString();
        return (user.Length > 0 ? user : context.Request.Headers["X-Storage-User"].ToString()).ToLowerInvariant();
    }
}
