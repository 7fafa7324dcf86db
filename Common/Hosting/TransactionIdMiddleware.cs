using CloudFs.Common.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace CloudFs.Common.Hosting;

/// <summary>
/// Gives every request a transaction id, echoes it on the response and opens a logging scope
/// with it. The proxy always makes a new one (client values are not trusted); role servers
/// keep the id the proxy sent so one request can be followed across nodes.
/// </summary>
public sealed class TransactionIdMiddleware(RequestDelegate next, ServerRole role, TimeProvider time, ILogger<TransactionIdMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var transId = Resolve(context.Request.Headers);
        context.TraceIdentifier = transId;
        context.Response.OnStarting(() =>
        {
            context.Response.Headers[CloudFsHeaders.TransId] = transId;
            context.Response.Headers[CloudFsHeaders.OpenStackRequestId] = transId;
            return Task.CompletedTask;
        });

        using (logger.BeginScope("{TransId}", transId))
        {
            await next(context);
        }
    }

    private string Resolve(IHeaderDictionary headers)
    {
        if (role != ServerRole.Proxy && TransactionId.IsWellFormed(headers[CloudFsHeaders.TransId]))
        {
            return headers[CloudFsHeaders.TransId]!;
        }

        return TransactionId.New(time, headers[CloudFsHeaders.TransIdExtra]);
    }
}
