using CloudFs.Common.Paths;
using CloudFs.Proxy.Endpoints;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;

namespace CloudFs.Proxy.Middleware.Bulk;

/// <summary>
/// Swift's bulk middleware: <c>POST|DELETE ?bulk-delete</c> deletes the listed objects and
/// containers, <c>PUT ?extract-archive=tar|tar.gz|tar.bz2</c> stores an archive's files. Each
/// item is a sub-request through the rest of the pipeline with the caller's token, so tokens,
/// ACLs, quotas and the catalog's rules apply to it as to a request of its own. The answer is
/// always 200; the outcome (Swift's fields, in text, JSON or XML by Accept) is in the body.
/// </summary>
public sealed class BulkMiddleware(RequestDelegate next, IOptionsMonitor<BulkOptions> options, IOptions<ProxyOptions> proxy,
    TimeProvider time, ILogger<BulkMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var o = options.CurrentValue;
        var request = context.Request;
        var extract = request.Method == "PUT" && request.Query.TryGetValue("extract-archive", out var kind) ? kind.ToString() : null;
        var delete = request.Method is "POST" or "DELETE" && request.Query.ContainsKey("bulk-delete");
        if (!o.Enabled || (extract is null && !delete))
        {
            await next(context);
            return;
        }

        if (!delete && ArchiveKinds.Parse(extract!) is null)
        {
            await UnsupportedAsync(context);
            return;
        }

        var mediaType = BulkAnswerFormat.Choose(request.Headers.Accept.ToString());
        var answer = new BulkAnswer(context, mediaType, TimeSpan.FromSeconds(o.YieldFrequencySeconds), time);
        var report = delete ? BulkReport.ForDelete() : BulkReport.ForExtract();
        answer.Start();
        try
        {
            if (mediaType is null)
            {
                throw new BulkFailure(StatusCodes.Status406NotAcceptable);
            }

            var (version, account, rest) = SplitPath(context);
            if (delete)
            {
                await DeleteAsync(context, o, version, account, answer, report);
            }
            else
            {
                await ExtractAsync(context, o, ArchiveKinds.Parse(extract!)!.Value, version, account, rest, answer, report);
            }
        }
        catch (BulkFailure failure)
        {
            report.Status = SwiftStatusLine.For(failure.Status);
            report.Body = failure.Body;
        }
        catch (InvalidArchiveException invalid)
        {
            report.Status = SwiftStatusLine.For(StatusCodes.Status400BadRequest);
            report.Body = "Invalid Tar File: " + invalid.Message;
        }
        catch (Exception ex) when (!context.RequestAborted.IsCancellationRequested)
        {
            logger.LogError(ex, "Error in bulk {Operation}", delete ? "delete" : "extract archive");
            report.Status = SwiftStatusLine.For(StatusCodes.Status500InternalServerError);
        }

        await answer.FinishAsync(report);
    }

    private async Task DeleteAsync(HttpContext context, BulkOptions o, string version, string account, BulkAnswer answer, BulkReport report)
    {
        var request = context.Request;
        // Only newline-separated names are understood, as in Swift.
        if (request.ContentType is { Length: > 0 } type && !type.StartsWith("text/plain", StringComparison.Ordinal))
        {
            throw new BulkFailure(StatusCodes.Status406NotAcceptable);
        }

        RequireLength(request);
        var names = await DeleteListReader.ReadAsync(request.Body, o.MaxDeletesPerRequest, context.RequestAborted);
        var subRequests = new BulkSubRequests(context, next, "BulkDelete", logger);
        await new BulkDeleter(o, subRequests, answer).RunAsync(version, account, names, report);
    }

    private async Task ExtractAsync(HttpContext context, BulkOptions o, ArchiveKind kind, string version, string account, string rest,
        BulkAnswer answer, BulkReport report)
    {
        var request = context.Request;
        RequireLength(request);
        var copied = request.Headers
            .Where(h => h.Key.Equals("X-Delete-At", StringComparison.OrdinalIgnoreCase) || h.Key.Equals("X-Delete-After", StringComparison.OrdinalIgnoreCase)
                || (h.Key.StartsWith("X-Object-Meta-", StringComparison.OrdinalIgnoreCase) && h.Key.Length > "X-Object-Meta-".Length))
            .Select(h => new KeyValuePair<string, string>(h.Key, h.Value.ToString()))
            .ToList();
        await using var tar = await ArchiveOpener.OpenAsync(request.Body, kind, context.RequestAborted);
        var subRequests = new BulkSubRequests(context, next, "BulkExpand", logger);
        await new ArchiveExtractor(o, proxy.Value.MaxFileSize, subRequests, answer).RunAsync(version, account, rest.TrimEnd('/'), tar, copied, report);
    }

    private static void RequireLength(HttpRequest request)
    {
        if (request.ContentLength is null && !request.Headers.TransferEncoding.ToString().Equals("chunked", StringComparison.OrdinalIgnoreCase))
        {
            throw new BulkFailure(StatusCodes.Status411LengthRequired);
        }
    }

    /// <summary>Version, account and the rest of the decoded path (Swift's split_path(2, 3, True)); 404 without an account.</summary>
    private static (string Version, string Account, string Remainder) SplitPath(HttpContext context)
    {
        var raw = context.Features.Get<IHttpRequestFeature>()?.RawTarget ?? context.Request.Path.Value ?? "/";
        var rawPath = raw.Split('?', 2)[0];
        var path = PercentDecoding.TryDecodeName(rawPath, out var decoded) ? decoded : rawPath;
        var segments = path.Split('/', 4);
        if (segments.Length < 3 || segments[0].Length != 0 || segments[1].Length == 0 || segments[2].Length == 0)
        {
            throw new BulkFailure(StatusCodes.Status404NotFound);
        }

        return (segments[1], segments[2], segments.Length > 3 ? segments[3] : "");
    }

    private static async Task UnsupportedAsync(HttpContext context)
    {
        var body = "Unsupported archive format"u8.ToArray();
        context.Response.StatusCode = StatusCodes.Status400BadRequest;
        context.Response.ContentType = "text/html; charset=UTF-8";
        context.Response.ContentLength = body.Length;
        await context.Response.Body.WriteAsync(body, context.RequestAborted);
    }
}
