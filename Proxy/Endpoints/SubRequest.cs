using CloudFs.Proxy.Objects;
using Microsoft.AspNetCore.Http.Features;

namespace CloudFs.Proxy.Endpoints;

/// <summary>
/// A request the proxy makes to itself on the client's behalf (Swift's make_subrequest): the
/// client's token, connection and transaction id, so access rules, quotas and operation records
/// apply to it exactly as if the client had sent it. Bulk runs them through the rest of the
/// pipeline; the large-object handlers through <see cref="SwiftApiHandler"/>.
/// </summary>
public static class SubRequest
{
    /// <summary>A context for <paramref name="method"/> on <paramref name="rawTarget"/>; no body, its answer's body thrown away.</summary>
    public static DefaultHttpContext Create(HttpContext outer, string method, string rawTarget, string agent)
    {
        var sub = new DefaultHttpContext { RequestServices = outer.RequestServices, TraceIdentifier = outer.TraceIdentifier };
        sub.RequestAborted = outer.RequestAborted;
        sub.Connection.RemoteIpAddress = outer.Connection.RemoteIpAddress;
        sub.Connection.RemotePort = outer.Connection.RemotePort;
        sub.Connection.LocalIpAddress = outer.Connection.LocalIpAddress;
        sub.Connection.LocalPort = outer.Connection.LocalPort;
        var request = sub.Request;
        request.Method = method;
        request.Scheme = outer.Request.Scheme;
        request.Host = outer.Request.Host;
        request.Protocol = outer.Request.Protocol;
        request.Path = PathString.FromUriComponent(rawTarget.Split('?')[0]);
        sub.Features.Get<IHttpRequestFeature>()!.RawTarget = rawTarget;
        foreach (var name in new[] { "X-Auth-Token", "X-Storage-Token" })
        {
            if (outer.Request.Headers[name].ToString() is { Length: > 0 } token)
            {
                request.Headers[name] = token;
            }
        }

        request.Headers.UserAgent = $"{outer.Request.Headers.UserAgent} {agent}".TrimStart();
        request.Body = Stream.Null;
        request.ContentLength = 0;
        sub.Response.Body = Stream.Null;
        return sub;
    }

    /// <summary>Runs <paramref name="method"/> on <paramref name="rawTarget"/> through the API handler; the finished sub-context.</summary>
    public static async Task<HttpContext> RunAsync(HttpContext outer, string method, string rawTarget, string agent)
    {
        var sub = Create(outer, method, rawTarget, agent);
        await outer.RequestServices.GetRequiredService<SwiftApiHandler>().HandleAsync(sub);
        return sub;
    }

    /// <summary>The object a sub-request's GET or HEAD resolved (null when it found none).</summary>
    public static ObjectRecord? Record(HttpContext sub) => sub.Features.Get<ObjectRecord>();
}
