using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;

namespace CloudFs.Proxy.Middleware.DomainRemap;

/// <summary>
/// Swift's domain_remap: a request whose Host names an account (and container) under a
/// storage domain continues as the <c>/v1/...</c> request it stands for; absolute Locations
/// in the answer are turned back into the path the client asked for.
/// </summary>
public sealed class DomainRemapMiddleware(RequestDelegate next, IOptionsMonitor<DomainRemapOptions> options)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var o = options.CurrentValue;
        var request = context.Request;
        if (!o.Enabled || !request.Host.HasValue)
        {
            await next(context);
            return;
        }

        var feature = context.Features.Get<IHttpRequestFeature>();
        var raw = feature?.RawTarget ?? request.Path.Value + request.QueryString.Value;
        var q = raw.IndexOf('?', StringComparison.Ordinal);
        var (rawPath, query) = q >= 0 ? (raw[..q], raw[q..]) : (raw, "");
        var result = new DomainRemapRules(o).Map(request.Host.Value, rawPath);
        switch (result.Outcome)
        {
            case DomainRemapOutcome.BadDomain:
                var body = "Bad domain in host header"u8.ToArray();
                context.Response.StatusCode = StatusCodes.Status400BadRequest;
                context.Response.ContentType = "text/plain";
                context.Response.ContentLength = body.Length;
                await context.Response.Body.WriteAsync(body, context.RequestAborted);
                return;
            case DomainRemapOutcome.Unchanged:
                await next(context);
                return;
        }

        if (feature is not null)
        {
            feature.RawTarget = result.Path + query;
        }

        request.Path = new PathString(Uri.UnescapeDataString(result.Path));
        var rewritten = new Regex("^(https?://[^/]+)" + Regex.Escape(result.Path) + "(.*)$");
        context.Response.OnStarting(() =>
        {
            foreach (var name in (string[])["Location", "Content-Location"])
            {
                if (context.Response.Headers[name].ToString() is { Length: > 0 } value)
                {
                    context.Response.Headers[name] = rewritten.Replace(value, m => m.Groups[1].Value + rawPath + m.Groups[2].Value);
                }
            }

            return Task.CompletedTask;
        });
        await next(context);
    }
}
