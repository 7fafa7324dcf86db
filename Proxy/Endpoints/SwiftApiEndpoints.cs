using CloudFs.Common.Policies;
using Microsoft.Extensions.Options;

namespace CloudFs.Proxy.Endpoints;

/// <summary>The proxy's public routes: tempauth, /info, and everything under /v1.</summary>
public static class SwiftApiEndpoints
{
    public static IEndpointRouteBuilder MapSwiftApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/auth/v1.0", (HttpContext c, AuthForwarder auth) => auth.HandleAsync(c));
        app.MapGet("/auth/v1/{account}/auth", (HttpContext c, AuthForwarder auth) => auth.HandleAsync(c));
        app.MapGet("/auth", (HttpContext c, AuthForwarder auth) => auth.HandleAsync(c));
        app.MapMethods("/info", ["GET", "HEAD"], (IOptions<ProxyOptions> options, IOptions<Cors.CorsOptions> cors, StoragePolicyTable policies,
            IEnumerable<IInfoSection> sections) => Results.Json(InfoDocument.Build(options.Value, cors.Value, policies, sections)));
        app.Map("/admin/{**rest}", (HttpContext c, Extensions.AdminHandler admin) => admin.HandleAsync(c));
        app.MapFallback("{**path}", (HttpContext c, SwiftApiHandler swift) => swift.HandleAsync(c));
        return app;
    }
}
