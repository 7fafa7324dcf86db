using CloudFs.Backend;
using CloudFs.Common.Hosting;
using CloudFs.Common.Results;
using CloudFs.Common.Time;
using CloudFs.Proxy.Auth;
using CloudFs.Proxy.Backend;
using CloudFs.Proxy.Paths;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;

namespace CloudFs.Proxy.Cors;

/// <summary>
/// CORS as Swift's proxy-server app does it: answers <c>OPTIONS</c> on <c>/v1/...</c> itself
/// (no token needed, as tempauth lets OPTIONS through), and adds the CORS headers of
/// <see cref="CorsPolicy.ForResponse"/> to container and object answers of requests that carry
/// an <c>Origin</c>, errors included. Registered last, so it wraps what the proxy answers.
/// </summary>
public sealed class CorsMiddleware(RequestDelegate next, CatalogClient catalog, IOptions<CorsOptions> options, TimeProvider time)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        var isOptions = HttpMethods.IsOptions(request.Method);
        var origin = request.Headers.Origin.ToString();
        if ((!isOptions && origin.Length == 0) || !IsSwiftApi(request.Path))
        {
            await next(context);
            return;
        }

        var raw = context.Features.Get<IHttpRequestFeature>()?.RawTarget ?? request.Path.Value ?? "/";
        var parsed = ResourcePathParser.Parse(raw);
        if (!parsed.IsSuccess || (!isOptions && !CorsPolicy.DecoratesActual(parsed.Value.Level, request.Method)))
        {
            await next(context);
            return;
        }

        var path = parsed.Value;
        var call = new CallContext(context.TraceIdentifier, Timestamp.Now(time), null);
        ContainerInfo info;
        try
        {
            info = path.Level == ResourceLevel.Account || (isOptions && origin.Length == 0)
                ? ContainerInfo.Missing
                : await catalog.ContainerInfoAsync(path.Account, path.Container!, call, context.RequestAborted);
        }
        catch (BackendUnavailableException)
        {
            await ErrorResults.From(new CloudFsError(CloudFsErrorKind.ServiceUnavailable)).ExecuteAsync(context);
            return;
        }

        if (isOptions)
        {
            await AnswerOptionsAsync(context, path, info.Cors, origin);
            return;
        }

        var hadToken = request.Headers.ContainsKey("X-Auth-Token") || request.Headers.ContainsKey("X-Storage-Token");
        context.Response.OnStarting(() =>
        {
            // A token tempauth does not know is refused before Swift's controllers (and their CORS
            // decoration) run; every other answer, errors included, comes from inside them.
            if (hadToken && context.Response.StatusCode == StatusCodes.Status401Unauthorized && context.Features.Get<Identity>() is null)
            {
                return Task.CompletedTask;
            }

            var headers = context.Response.Headers;
            foreach (var (name, value) in CorsPolicy.ForResponse(info.Cors, origin, options.Value, headers.Keys.ToList(), headers.Vary.ToString()))
            {
                headers[name] = value;
            }

            return Task.CompletedTask;
        });
        await next(context);
    }

    private async Task AnswerOptionsAsync(HttpContext context, ResourcePath path, ContainerCors cors, string origin)
    {
        var request = context.Request;
        var answer = CorsPolicy.Preflight(path.Level, cors, origin, request.Headers.AccessControlRequestMethod.FirstOrDefault(),
            request.Headers.AccessControlRequestHeaders.ToString(), options.Value);
        var response = context.Response;
        if (answer.Status == StatusCodes.Status401Unauthorized)
        {
            response.Headers.Allow = answer.Headers[0].Value;
            await ErrorResults.From(new CloudFsError(CloudFsErrorKind.Unauthorized)).ExecuteAsync(context);
            return;
        }

        response.StatusCode = answer.Status;
        foreach (var (name, value) in answer.Headers)
        {
            response.Headers[name] = value;
        }

        if (answer.WithContentType)
        {
            response.ContentType = "text/html; charset=UTF-8";
        }

        response.ContentLength = 0;
    }

    private static bool IsSwiftApi(PathString path) =>
        path.StartsWithSegments("/v1", StringComparison.Ordinal) || path.StartsWithSegments("/v1.0", StringComparison.Ordinal);
}
