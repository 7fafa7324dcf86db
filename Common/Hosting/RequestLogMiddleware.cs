using System.Diagnostics;
using CloudFs.Common.Hosting.Metrics;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace CloudFs.Common.Hosting;

/// <summary>
/// One line per request (method, path, status, bytes, time), logged inside the transaction-id
/// scope; unhandled exceptions are logged with that id and answered 500.
/// </summary>
public sealed partial class RequestLogMiddleware(RequestDelegate next, ILogger<RequestLogMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            await next(context);
        }
        catch (Exception ex) when (!context.RequestAborted.IsCancellationRequested)
        {
            Log.Unhandled(logger, context.Request.Method, context.Request.Path, context.TraceIdentifier, ex);
            if (!context.Response.HasStarted)
            {
                context.Response.Clear();
                await ErrorResults.From(new Results.CloudFsError(Results.CloudFsErrorKind.Internal)).ExecuteAsync(context);
            }
            else
            {
                // Headers are gone: the only honest signal left is a broken connection.
                context.Abort();
            }
        }
        catch (Exception) when (context.RequestAborted.IsCancellationRequested)
        {
            Log.ClientGone(logger, context.Request.Method, context.Request.Path, context.TraceIdentifier);
            context.Response.StatusCode = 499;
        }
        finally
        {
            var elapsed = Stopwatch.GetElapsedTime(started);
            TrafficMeter.Record(context.Request.Method, context.Response.StatusCode, context.Request.ContentLength, context.Response.ContentLength);
            Log.Request(logger, context.Request.Method, context.Request.Path + LoggedQuery.Mask(context.Request.QueryString.Value ?? ""),
                context.Response.StatusCode, elapsed.TotalMilliseconds, context.TraceIdentifier);
        }
    }

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Information, "{Method} {Path} {Status} {ElapsedMs:0.0}ms {TransId}")]
        public static partial void Request(ILogger logger, string method, string path, int status, double elapsedMs, string transId);

        [LoggerMessage(2, LogLevel.Error, "{Method} {Path} failed {TransId}")]
        public static partial void Unhandled(ILogger logger, string method, string path, string transId, Exception ex);

        [LoggerMessage(3, LogLevel.Warning, "{Method} {Path} client disconnected {TransId}")]
        public static partial void ClientGone(ILogger logger, string method, string path, string transId);
    }
}
