using CloudFs.Proxy.Endpoints;
using CloudFs.Proxy.Objects;
using Microsoft.AspNetCore.Http.Features;

namespace CloudFs.Proxy.LargeObjects;

/// <summary>
/// A request the proxy makes to itself on the client's behalf (Swift's make_subrequest): it runs
/// through <see cref="SwiftApiHandler"/> with the client's token, so access rules, quotas and
/// records apply exactly as if the client had sent it.
/// </summary>
public static class SubRequest
{
    /// <summary>Runs <paramref name="method"/> on <paramref name="rawTarget"/>; the finished sub-context (status, headers, the resolved record).</summary>
    public static async Task<HttpContext> RunAsync(HttpContext context, string method, string rawTarget)
    {
        var sub = new DefaultHttpContext { RequestServices = context.RequestServices, TraceIdentifier = context.TraceIdentifier };
        sub.RequestAborted = context.RequestAborted;
        sub.Request.Method = method;
        sub.Features.Get<IHttpRequestFeature>()!.RawTarget = rawTarget;
        sub.Request.Path = rawTarget.Split('?')[0];
        foreach (var name in new[] { "X-Auth-Token", "X-Storage-Token" })
        {
            if (context.Request.Headers.TryGetValue(name, out var token))
            {
                sub.Request.Headers[name] = token;
            }
        }

        sub.Response.Body = Stream.Null;
        await context.RequestServices.GetRequiredService<SwiftApiHandler>().HandleAsync(sub);
        return sub;
    }

    /// <summary>The object a sub-request's GET or HEAD resolved (null when it found none).</summary>
    public static ObjectRecord? Record(HttpContext sub) => sub.Features.Get<ObjectRecord>();
}
