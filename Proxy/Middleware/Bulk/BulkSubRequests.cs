using CloudFs.Proxy.Endpoints;

namespace CloudFs.Proxy.Middleware.Bulk;

/// <summary>
/// Runs each delete, HEAD or PUT of a bulk request as a request of its own through the rest of
/// the proxy's pipeline (the middlewares after bulk, token check, access rules, quotas, the
/// role servers), with the caller's token and the bulk request's transaction id, as Swift's
/// make_subrequest sends them on to the next filter. Only the status comes back.
/// </summary>
public sealed class BulkSubRequests(HttpContext outer, RequestDelegate next, string agent, ILogger logger)
{
    /// <summary>Sends one request; a failure inside the pipeline counts as Swift's 500.</summary>
    public async Task<int> SendAsync(string method, string rawTarget, IEnumerable<KeyValuePair<string, string>> headers, Stream? body, long? length)
    {
        var sub = SubRequest.Create(outer, method, rawTarget, agent);
        var request = sub.Request;
        foreach (var (name, value) in headers)
        {
            request.Headers[name] = value;
        }

        request.Body = body ?? Stream.Null;
        request.ContentLength = length ?? (body is null ? 0 : null);
        try
        {
            await next(sub);
            return sub.Response.StatusCode;
        }
        catch (Exception ex) when (!outer.RequestAborted.IsCancellationRequested)
        {
            logger.LogError(ex, "Bulk sub-request {Method} {Target} failed", method, rawTarget);
            return StatusCodes.Status500InternalServerError;
        }
    }
}
