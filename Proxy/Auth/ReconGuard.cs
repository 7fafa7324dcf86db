using CloudFs.Backend;
using CloudFs.Common.Time;
using CloudFs.Proxy.Endpoints;

namespace CloudFs.Proxy.Auth;

/// <summary>
/// <c>/recon</c> on the proxy's public port answers cluster admins only: it shows the settings
/// in force, paths and node ids, which are nobody else's business. No token is 401, another
/// user's token 403, as <c>/admin</c> answers.
/// </summary>
public sealed class ReconGuard(RequestDelegate next, TokenValidator tokens, TimeProvider time)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var path = context.Request.Path;
        if (!path.StartsWithSegments("/recon", StringComparison.Ordinal))
        {
            await next(context);
            return;
        }

        try
        {
            var admin = await AdminToken.CheckAsync(context, tokens, new CallContext(context.TraceIdentifier, Timestamp.Now(time), null));
            if (!admin.IsSuccess)
            {
                await ProxyResults.Error(context, admin.Error);
                return;
            }
        }
        catch (BackendUnavailableException)
        {
            await ProxyResults.Unavailable(context);
            return;
        }

        await next(context);
    }
}
