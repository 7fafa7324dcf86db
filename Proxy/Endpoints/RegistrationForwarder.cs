using CloudFs.Backend;
using CloudFs.Common.Time;
using CloudFs.Proxy.Forwarding;
using CloudFs.Proxy.Routing;

namespace CloudFs.Proxy.Endpoints;

/// <summary>
/// Self-registration, a CloudFs extension beside tempauth's login: <c>GET /auth/register</c>
/// says whether the <c>self_registration</c> setting is on, <c>POST /auth/register</c> with
/// <c>{"account","user","key","email"}</c> creates an account and its owner. Both need no
/// token; the account server refuses the POST while the setting is off.
/// </summary>
public sealed class RegistrationForwarder(Forwarder forwarder, AuthNodes nodes, TimeProvider time)
{
    public Task HandleAsync(HttpContext context)
    {
        var call = new CallContext(context.TraceIdentifier, Timestamp.Now(time), null);
        return forwarder.ForwardAsync(context, nodes.Get(), _ => "/register", call);
    }
}
