using CloudFs.Catalog;
using CloudFs.Common.Hosting;
using CloudFs.Common.Results;

namespace CloudFs.AccountServer.Endpoints;

/// <summary>
/// A write the journal cannot take (admission, container and account changes) fails with a
/// clear 503 while the database is unreachable, rather than a bare 500; nothing is admitted
/// on a guess.
/// </summary>
public sealed partial class CatalogOutageMiddleware(RequestDelegate next, ILogger<CatalogOutageMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        try
        {
            await next(context);
        }
        catch (Exception ex) when (CatalogFailures.IsUnreachable(ex) && !context.Response.HasStarted)
        {
            Log.Unavailable(logger, context.Request.Method, context.Request.Path, context.TraceIdentifier, ex.Message);
            await ErrorResults.From(new CloudFsError(CloudFsErrorKind.ServiceUnavailable, "Catalog database unavailable; try again later.")).ExecuteAsync(context);
        }
    }

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Error, "{Method} {Path}: catalog database unreachable {TransId}: {Reason}")]
        public static partial void Unavailable(ILogger logger, string method, string path, string transId, string reason);
    }
}
