using CloudFs.Backend;
using CloudFs.Common.Time;
using CloudFs.Proxy.Forwarding;
using CloudFs.Proxy.Routing;
using Microsoft.AspNetCore.Http.Features;

namespace CloudFs.Proxy.Endpoints;

/// <summary>
/// tempauth logins (<c>/auth/v1.0</c>, <c>/auth/v1/{account}/auth</c>, <c>/auth</c>) go to an
/// account server as they are, with the client's host and scheme so the storage URL it hands
/// out points back at this proxy.
/// </summary>
public sealed class AuthForwarder(Forwarder forwarder, AuthNodes nodes, TimeProvider time)
{
    public Task HandleAsync(HttpContext context)
    {
        var raw = context.Features.Get<IHttpRequestFeature>()?.RawTarget ?? context.Request.Path.Value ?? "/auth/v1.0";
        var call = new CallContext(context.TraceIdentifier, Timestamp.Now(time), null);
        var extra = new Dictionary<string, string>
        {
            ["X-Forwarded-Host"] = context.Request.Host.Value ?? "",
            ["X-Forwarded-Proto"] = context.Request.Scheme,
        };
        return forwarder.ForwardAsync(context, nodes.Get(), _ => raw, call, extra);
    }
}
