using System.Globalization;
using CloudFs.Common.Hosting;
using CloudFs.Common.Results;

namespace CloudFs.Proxy.Auth;

/// <summary>Applies <see cref="LoginThrottle"/> to tempauth logins; every other request passes untouched.</summary>
public sealed class LoginThrottleMiddleware(RequestDelegate next, LoginThrottle throttle)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (!LoginThrottle.IsLogin(context.Request))
        {
            await next(context);
            return;
        }

        if (throttle.Refusal(context) is { } retryAfter)
        {
            context.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
            await ErrorResults.From(new CloudFsError(CloudFsErrorKind.TooManyRequests, "Too many failed logins; try again later."))
                .ExecuteAsync(context);
            return;
        }

        await next(context);
        if (context.Response.StatusCode == StatusCodes.Status401Unauthorized)
        {
            throttle.Failed(context);
        }
    }
}
