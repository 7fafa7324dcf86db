using CloudFs.Backend;
using CloudFs.Common.Contracts;
using Yarp.ReverseProxy.Forwarder;

namespace CloudFs.Proxy.Forwarding;

/// <summary>
/// Points a forwarded request at one functional URL and gives it the internal headers; client
/// tokens and any client-sent <c>X-Backend-*</c> never reach a role server, and role servers'
/// <c>X-Backend-*</c> answers never reach the client. When <see cref="RetryOnServerError"/> is
/// set, a 5xx answer is not copied so the caller can try the next node.
/// </summary>
public sealed class BackendTransformer(Uri target, CallContext call, IReadOnlyDictionary<string, string>? extraHeaders = null) : HttpTransformer
{
    public bool RetryOnServerError { get; init; }

    /// <summary>Set when the node answered 5xx and the answer was held back.</summary>
    public bool ServerErrorHeldBack { get; private set; }

    public override async ValueTask TransformRequestAsync(HttpContext httpContext, HttpRequestMessage proxyRequest, string destinationPrefix, CancellationToken cancellationToken)
    {
        await base.TransformRequestAsync(httpContext, proxyRequest, destinationPrefix, cancellationToken);
        proxyRequest.RequestUri = target;
        foreach (var name in proxyRequest.Headers.Select(h => h.Key).Where(IsPrivate).ToList())
        {
            proxyRequest.Headers.Remove(name);
        }

        foreach (var (name, value) in call.Headers().Concat(extraHeaders ?? new Dictionary<string, string>()))
        {
            proxyRequest.Headers.Remove(name);
            proxyRequest.Headers.TryAddWithoutValidation(name, value);
        }
    }

    public override async ValueTask<bool> TransformResponseAsync(HttpContext httpContext, HttpResponseMessage? proxyResponse, CancellationToken cancellationToken)
    {
        if (RetryOnServerError && proxyResponse is { StatusCode: >= System.Net.HttpStatusCode.InternalServerError })
        {
            ServerErrorHeldBack = true;
            return false;
        }

        var copy = await base.TransformResponseAsync(httpContext, proxyResponse, cancellationToken);
        var headers = httpContext.Response.Headers;
        foreach (var name in headers.Keys.Where(BackendHeaders.IsBackend).ToList())
        {
            headers.Remove(name);
        }

        EmptyAnswerHeaders.Apply(httpContext.Response);
        return copy;
    }

    private static bool IsPrivate(string name) =>
        BackendHeaders.IsBackend(name)
        || name.Equals("X-Auth-Token", StringComparison.OrdinalIgnoreCase)
        || name.Equals("X-Storage-Token", StringComparison.OrdinalIgnoreCase)
        || name.Equals("X-Timestamp", StringComparison.OrdinalIgnoreCase);
}
