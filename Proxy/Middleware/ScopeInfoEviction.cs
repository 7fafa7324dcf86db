using CloudFs.Proxy.Backend;
using CloudFs.Proxy.Paths;
using Microsoft.AspNetCore.Http.Features;

namespace CloudFs.Proxy.Middleware;

/// <summary>
/// Drops the cached metadata of an account or container this proxy just wrote to, so a new
/// Temp-URL-Key or web setting counts from the next request, as Swift's proxy clears its
/// info cache on such writes; and its cached admissions, so a new quota or a deleted container
/// is seen by the next upload's admission.
/// </summary>
public sealed class ScopeInfoEviction(RequestDelegate next, ScopeInfoCache scopes, AdmissionCache admissions)
{
    public async Task InvokeAsync(HttpContext context)
    {
        await next(context);
        if (context.Request.Method is "GET" or "HEAD" or "OPTIONS")
        {
            return;
        }

        var raw = context.Features.Get<IHttpRequestFeature>()?.RawTarget ?? context.Request.Path.Value ?? "/";
        if (ResourcePathParser.Parse(raw) is { IsSuccess: true, Value: { Object: null } path })
        {
            scopes.Forget(path.Account, path.Container);
            admissions.Forget(path.Account, path.Container);
        }
    }
}
