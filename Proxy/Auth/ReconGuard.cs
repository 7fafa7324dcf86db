using CloudFs.Backend;
using CloudFs.Common.Results;
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
            var token = context.Request.Headers["X-Auth-Token"].ToString();
            var call = new CallContext(context.TraceIdentifier, Timestamp.Now(time), null);
            var who = token.Length == 0 ? null : await tokens.ValidateAsync(token, call, context.RequestAborted);
            if (who is null)
            {
                await ProxyResults.Error(context, CloudFsErrorKind.Unauthorized);
                return;
            }

            if (!who.IsAdmin)
            {
                await ProxyResults.Error(context, CloudFsErrorKind.Forbidden);
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
