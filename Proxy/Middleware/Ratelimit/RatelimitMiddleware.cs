using CloudFs.Backend;
using CloudFs.Common.Time;
using CloudFs.Proxy.Auth;
using CloudFs.Proxy.Backend;
using CloudFs.Proxy.Paths;
using Microsoft.AspNetCore.Http.Features;

namespace CloudFs.Proxy.Middleware.Ratelimit;

/// <summary>
/// Swift's ratelimit filter: before authentication, a blacklisted account gets 497 after a
/// one-second pause, and a request over its rate sleeps until its turn or, when that wait
/// would reach <c>max_sleep_time_seconds</c>, gets 498 "Slow down".
/// </summary>
public sealed class RatelimitMiddleware(RequestDelegate next, RatelimitRules rules, RateCounter counter, RatelimitOptions options,
    CatalogClient catalog, GlobalRatelimitCache accounts, TokenValidator tokens, TimeProvider time, ILogger<RatelimitMiddleware> log)
{
    private static readonly TimeSpan BlacklistSleep = TimeSpan.FromSeconds(1);

    public async Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        if (!(request.Path.StartsWithSegments("/v1", StringComparison.Ordinal) || request.Path.StartsWithSegments("/v1.0", StringComparison.Ordinal)))
        {
            await next(context);
            return;
        }

        var raw = context.Features.Get<IHttpRequestFeature>()?.RawTarget ?? request.Path.Value ?? "/";
        var parsed = ResourcePathParser.Parse(raw);
        if (!parsed.IsSuccess)
        {
            await next(context);
            return;
        }

        var path = parsed.Value;
        var method = request.Method;
        var call = new CallContext(context.TraceIdentifier, Timestamp.Now(time), null);
        var global = await accounts.GetAsync(path.Account, call, context.RequestAborted);
        if (rules.IsWhitelisted(path.Account, global))
        {
            await next(context);
            return;
        }

        if (rules.IsBlacklisted(path.Account, global) && !await IsAdminChangingTheListAsync(context, path, call))
        {
            log.LogError("Returning 497 because of blacklisting: {Account}", path.Account);
            await Task.Delay(BlacklistSleep, time, context.RequestAborted);
            await AnswerAsync(context, 497, "Blacklisted", "Your account has been blacklisted");
            return;
        }

        long size = 0;
        if (rules.NeedsContainerSize(method, path.Container, path.Object))
        {
            try
            {
                size = (await catalog.ContainerInfoAsync(path.Account, path.Container!, call, context.RequestAborted)).ObjectCount;
            }
            catch (BackendUnavailableException)
            {
                // Swift counts an unreadable container as empty: no limit.
            }
        }

        foreach (var (key, rate) in rules.Keys(method, path.Account, path.Container, path.Object, size, global))
        {
            if (counter.SleepFor(key, rate) is not { } sleep)
            {
                log.LogError("Returning 498 for {Method} to {Path}. Ratelimit (Max Sleep) exceeded", method,
                    string.Join('/', new[] { path.Account, path.Container, path.Object }.Where(p => p is not null)));
                await AnswerAsync(context, 498, "Rate Limited", "Slow down");
                return;
            }

            if (options.LogSleepTimeSeconds > 0 && sleep > options.LogSleepTimeSeconds)
            {
                log.LogWarning("Ratelimit sleep log: {Sleep} for {Account}/{Container}/{Object}", sleep, path.Account, path.Container, path.Object);
            }

            if (sleep > 0)
            {
                await Task.Delay(TimeSpan.FromSeconds(sleep), time, context.RequestAborted);
            }
        }

        await next(context);
    }

    // Swift's operators lift a BLACKLIST through an internal client that skips this filter; CloudFs
    // has none, so an admin's account POST that sets the value again is let through.
    private async Task<bool> IsAdminChangingTheListAsync(HttpContext context, ResourcePath path, CallContext call)
    {
        var request = context.Request;
        if (path.Level != ResourceLevel.Account || !HttpMethods.IsPost(request.Method)
            || !request.Headers.ContainsKey("X-Account-Sysmeta-Global-Write-Ratelimit")
            || request.Headers["X-Auth-Token"].ToString() is not { Length: > 0 } token)
        {
            return false;
        }

        try
        {
            return (await tokens.ValidateAsync(token, call, context.RequestAborted))?.IsAdmin == true;
        }
        catch (BackendUnavailableException)
        {
            return false;
        }
    }

    private static async Task AnswerAsync(HttpContext context, int status, string reason, string body)
    {
        context.Response.StatusCode = status;
        if (context.Features.Get<IHttpResponseFeature>() is { } feature)
        {
            feature.ReasonPhrase = reason;
        }

        context.Response.ContentType = "text/html; charset=UTF-8";
        await context.Response.WriteAsync(body, context.RequestAborted);
    }
}
