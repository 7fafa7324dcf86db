using System.Globalization;
using CloudFs.AccountServer.Core;
using CloudFs.Common.Contracts;
using CloudFs.Common.Hosting;
using CloudFs.Common.Results;
using Microsoft.Extensions.Options;

namespace CloudFs.AccountServer.Endpoints;

/// <summary>tempauth's wire protocol (GET /auth/v1.0 and friends) and the proxy's token check.</summary>
public static class AuthEndpoints
{
    public static IEndpointRouteBuilder MapAuthEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/auth/v1.0", LoginAsync);
        app.MapGet("/auth/v1/{account}/auth", LoginAsync);
        app.MapGet("/auth", LoginAsync);
        app.MapGet("/auth/validate", ValidateAsync);
        return app;
    }

    private static async Task<IResult> LoginAsync(HttpContext context, AuthService auth, IOptions<AccountServerOptions> options, TimeProvider time)
    {
        var request = context.Request;
        var user = First(request, "X-Auth-User", "X-Storage-User");
        var key = First(request, "X-Auth-Key", "X-Storage-Pass");
        // tempauth's realm: the account part of account:user when there is one (an e-mail login
        // has none). Swift says "unknown" for a wrong key but the account for an unknown user;
        // CloudFs says the account for both, so the answer does not tell which users exist.
        var realm = user?.Split(':', 2) is [var accountPart, _] && accountPart.Length > 0 ? accountPart : "unknown";
        if (user is null || key is null)
        {
            context.Response.Headers.WWWAuthenticate = $"Swift realm=\"{realm}\"";
            return ErrorResults.From(new CloudFsError(CloudFsErrorKind.Unauthorized));
        }

        var outcome = await auth.LoginAsync(user, key, context.RequestAborted);
        if (!outcome.IsSuccess && outcome.Error.Kind == CloudFsErrorKind.Unauthorized)
        {
            context.Response.Headers.WWWAuthenticate = $"Swift realm=\"{realm}\"";
        }

        return OutcomeResults.Map(outcome, login =>
        {
            var headers = context.Response.Headers;
            headers["X-Auth-Token"] = login.Token;
            headers["X-Storage-Token"] = login.Token;
            headers["X-Storage-Url"] = $"{PublicBase(request, options.Value)}/v1/{Uri.EscapeDataString(login.Account)}";
            headers["X-Auth-Token-Expires"] = ((long)(login.ExpiresAt - time.GetUtcNow()).TotalSeconds).ToString(CultureInfo.InvariantCulture);
            return Results.Ok();
        });
    }

    private static async Task<IResult> ValidateAsync(HttpContext context, AuthService auth)
    {
        var token = context.Request.Headers["X-Auth-Token"].ToString();
        var owner = token.Length == 0 ? null : await auth.ValidateAsync(token, context.RequestAborted);
        return owner is null
            ? ErrorResults.From(CloudFsError.NotFound())
            : Results.Json(new TokenInfo(owner.UserId, $"{owner.Account}:{owner.Username}", "AUTH_" + owner.Account, owner.Type, owner.ExpiresAt / 1000),
                ContractJson.Default.TokenInfo);
    }

    // The proxy forwards the client's own host, so the storage URL works from where the client stands.
    private static string PublicBase(HttpRequest request, AccountServerOptions options)
    {
        var host = request.Headers["X-Forwarded-Host"].ToString();
        if (host.Length == 0)
        {
            return options.PublicUrl.TrimEnd('/');
        }

        var proto = request.Headers["X-Forwarded-Proto"].ToString();
        return $"{(proto.Length == 0 ? "http" : proto)}://{host}";
    }

    private static string? First(HttpRequest request, params string[] names) =>
        names.Select(n => request.Headers[n].ToString()).FirstOrDefault(v => v.Length > 0);
}
