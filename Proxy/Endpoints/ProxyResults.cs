using CloudFs.Common.Hosting;
using CloudFs.Common.Results;

namespace CloudFs.Proxy.Endpoints;

/// <summary>Writes the proxy's own error answers through the shared kind → status table.</summary>
public static class ProxyResults
{
    public static Task Error(HttpContext context, CloudFsError error)
    {
        context.Response.Clear();
        return ErrorResults.From(error).ExecuteAsync(context);
    }

    public static Task Error(HttpContext context, CloudFsErrorKind kind, string? message = null) => Error(context, new CloudFsError(kind, message));

    public static Task Unavailable(HttpContext context) => Error(context, CloudFsErrorKind.ServiceUnavailable);
}
