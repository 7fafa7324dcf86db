namespace CloudFs.Proxy.Middleware;

/// <summary>
/// The proxy's Swift middlewares, in the order Swift's proxy pipeline runs them, so a request
/// meets them as it would in Swift (a temp URL is checked before rate limiting, a form POST is
/// turned into PUTs before the copy and quota rules see it). Each registers its
/// <see cref="Endpoints.IInfoSection"/> beside itself. Token validation and access rules run
/// after all of them, in <see cref="Endpoints.SwiftApiHandler"/>.
/// </summary>
public static class SwiftPipeline
{
    // Swift 2.30's order: catch_errors gatekeeper healthcheck proxy-logging cache
    // domain_remap listing_formats bulk tempurl ratelimit crossdomain tempauth formpost
    // staticweb copy container-quotas account-quotas slo dlo versioned_writes symlink
    // proxy-logging proxy-server (CORS is part of proxy-server itself).
    public static WebApplication UseSwiftMiddleware(this WebApplication app)
    {
        app.UseMiddleware<Ratelimit.RatelimitMiddleware>();
        // Last: CORS belongs to Swift's proxy-server app, so it wraps what the proxy answers.
        app.UseMiddleware<Cors.CorsMiddleware>();
        return app;
    }
}
