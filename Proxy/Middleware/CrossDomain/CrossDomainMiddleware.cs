using Microsoft.Extensions.Options;

namespace CloudFs.Proxy.Middleware.CrossDomain;

/// <summary>Swift's crossdomain: answers <c>GET /crossdomain.xml</c> itself, before any auth.</summary>
public sealed class CrossDomainMiddleware(RequestDelegate next, IOptionsMonitor<CrossDomainOptions> options)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var o = options.CurrentValue;
        if (!o.Enabled || context.Request.Method != "GET" || context.Request.Path.Value != "/crossdomain.xml")
        {
            await next(context);
            return;
        }

        var body = System.Text.Encoding.UTF8.GetBytes(CrossDomainPolicy.Document(o.CrossDomainPolicy));
        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = "application/xml";
        context.Response.ContentLength = body.Length;
        await context.Response.Body.WriteAsync(body, context.RequestAborted);
    }
}
