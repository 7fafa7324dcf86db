using System.Globalization;
using System.Threading.RateLimiting;
using CloudFs.Common.Hosting;
using CloudFs.Common.Results;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace CloudFs.Proxy.Auth;

/// <summary>
/// Rate limits on logins, with ASP.NET Core's rate limiter: per user (whoever is guessed at) and
/// per client address (whoever guesses), chained, so neither many users from one address nor one
/// user from many addresses escapes. Everything but a login passes untouched. Limits are per
/// proxy; several proxies behind a balancer each hold their own buckets.
/// </summary>
public static class LoginThrottle
{
    public static IServiceCollection AddLoginThrottle(this IServiceCollection services)
    {
        services.AddOptions<LoginRateLimitOptions>().BindConfiguration(LoginRateLimitOptions.Section)
            .Validate(o => o.PerUserBurst >= 1 && o.PerClientBurst >= 1, "Proxy:LoginRateLimit bursts must be at least 1.")
            .Validate(o => o.PerUserPerMinute >= 0 && o.PerClientPerMinute >= 0, "Proxy:LoginRateLimit rates must not be negative.")
            .ValidateOnStart();
        services.AddRateLimiter(limiter =>
        {
            limiter.GlobalLimiter = PartitionedRateLimiter.CreateChained(
                PartitionedRateLimiter.Create<HttpContext, string>(context => Partition(context, "client:", ClientKey,
                    o => (o.PerClientBurst, o.PerClientPerMinute))),
                PartitionedRateLimiter.Create<HttpContext, string>(context => Partition(context, "user:", UserKey,
                    o => (o.PerUserBurst, o.PerUserPerMinute))));
            limiter.OnRejected = RejectAsync;
        });
        return services;
    }

    /// <summary>tempauth's login paths, as the proxy routes them to an account server.</summary>
    public static bool IsLogin(HttpRequest request) =>
        HttpMethods.IsGet(request.Method) && request.Path.Value is { } path &&
        (path == "/auth/v1.0" || path == "/auth" || (path.StartsWith("/auth/v1/", StringComparison.Ordinal) && path.EndsWith("/auth", StringComparison.Ordinal)));

    private static RateLimitPartition<string> Partition(HttpContext context, string prefix, Func<HttpContext, string> key,
        Func<LoginRateLimitOptions, (int Burst, int PerMinute)> limits)
    {
        var (burst, perMinute) = limits(context.RequestServices.GetRequiredService<IOptions<LoginRateLimitOptions>>().Value);
        if (!IsLogin(context.Request) || perMinute == 0)
        {
            return RateLimitPartition.GetNoLimiter(prefix);
        }

        return RateLimitPartition.GetTokenBucketLimiter(prefix + key(context), _ => new TokenBucketRateLimiterOptions
        {
            TokenLimit = burst,
            TokensPerPeriod = 1,
            ReplenishmentPeriod = TimeSpan.FromMinutes(1) / perMinute,
            AutoReplenishment = true,
            QueueLimit = 0,
        });
    }

    private static string ClientKey(HttpContext context) => context.Connection.RemoteIpAddress?.ToString() ?? "";

    // tempauth takes the user from X-Auth-User or X-Storage-User; a guess without either still counts, as "".
    private static string UserKey(HttpContext context)
    {
        var user = context.Request.Headers["X-Auth-User"].ToString();
        return (user.Length > 0 ? user : context.Request.Headers["X-Storage-User"].ToString()).ToLowerInvariant();
    }

    private static async ValueTask RejectAsync(OnRejectedContext rejected, CancellationToken ct)
    {
        var response = rejected.HttpContext.Response;
        if (rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
        {
            response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        }

        await ErrorResults.From(new CloudFsError(CloudFsErrorKind.TooManyRequests, "Too many logins; try again later."))
            .ExecuteAsync(rejected.HttpContext);
    }
}
