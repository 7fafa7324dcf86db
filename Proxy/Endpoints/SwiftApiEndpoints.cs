using CloudFs.Common.Hosting;
using CloudFs.Common.Policies;
using CloudFs.Common.Results;
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
        app.MapMethods("/auth/register", ["GET", "POST"], (HttpContext c, RegistrationForwarder register) => register.HandleAsync(c));
        // tempauth answers every method but GET under /auth/ with 405 (no Allow); a GET of a path
        // it has no route for goes on as before.
        app.Map("/auth/{**rest}", (HttpContext c, SwiftApiHandler swift) => HttpMethods.IsGet(c.Request.Method)
            ? swift.HandleAsync(c)
            : ErrorResults.From(new CloudFsError(CloudFsErrorKind.MethodNotAllowed)).ExecuteAsync(c));
        app.MapMethods("/info", ["GET", "HEAD"], (HttpContext c, IOptions<ProxyOptions> options, IOptions<Cors.CorsOptions> cors, StoragePolicyTable policies,
            IEnumerable<IInfoSection> sections) => InfoDocument.IsAdminRequest(c.Request.Query)
                // An admin (signed) request needs Swift's admin_key; CloudFs has none, so Swift's 403.
                ? ErrorResults.From(new CloudFsError(CloudFsErrorKind.Forbidden))
                : (IResult)InfoResult(InfoDocument.Build(options.Value, cors.Value, policies, sections)));
        // Swift's /info answers OPTIONS with its methods and anything else with 405.
        app.MapMethods("/info", ["OPTIONS"], (HttpContext c) =>
        {
            c.Response.Headers.Allow = "HEAD, GET, OPTIONS";
            return new SwiftTextResult("", "text/html; charset=UTF-8", StatusCodes.Status200OK);
        });
        app.Map("/info", (HttpContext c) =>
        {
            c.Response.Headers.Allow = "HEAD, OPTIONS, GET";
            return ErrorResults.From(new CloudFsError(CloudFsErrorKind.MethodNotAllowed));
        });
        app.Map("/admin/{**rest}", (HttpContext c, Extensions.AdminHandler admin) => admin.HandleAsync(c));
        app.MapFallback("{**path}", (HttpContext c, SwiftApiHandler swift) => swift.HandleAsync(c));
        return app;
    }

    // With its length, as Swift sends it (a JSON result would be chunked).
    private static SwiftTextResult InfoResult(System.Text.Json.Nodes.JsonObject document) =>
        new(document.ToJsonString(), "application/json; charset=UTF-8", StatusCodes.Status200OK);
}
