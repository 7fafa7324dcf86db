using CloudFs.Backend;
using CloudFs.Common.Results;

namespace CloudFs.Proxy.Auth;

/// <summary>The one check of the proxy's admin-only paths (<c>/admin</c>, <c>/recon</c>): the request's token must name a cluster admin.</summary>
public static class AdminToken
{
    /// <summary>
    /// The admin, or the refusal: 401 without a token or with an unknown one, 403 for anyone else.
    /// Throws <see cref="BackendUnavailableException"/> when no account server could check the token.
    /// </summary>
    public static async Task<Outcome<Identity>> CheckAsync(HttpContext context, TokenValidator tokens, CallContext call)
    {
        var token = context.Request.Headers["X-Auth-Token"].ToString();
        var who = token.Length == 0 ? null : await tokens.ValidateAsync(token, call, context.RequestAborted);
        if (who is null)
        {
            return new CloudFsError(CloudFsErrorKind.Unauthorized);
        }

        return who.IsAdmin ? who : new CloudFsError(CloudFsErrorKind.Forbidden);
    }
}
