using CloudFs.Common.Contracts;
using CloudFs.Common.Hosting;
using CloudFs.Common.Ranges;
using CloudFs.Common.Results;
using CloudFs.ObjectServer.Storage;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CloudFs.ObjectServer.Endpoints;

/// <summary>
/// Sends an open blob: whole (checked on the way when configured), one range, or several as
/// multipart/byteranges. Owns the reader and closes it when done.
/// </summary>
internal sealed partial class BlobResult(BlobReader reader, bool verifyFullReads) : IResult
{
    private const string OctetStream = "application/octet-stream";

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        using (reader)
        {
            await SendAsync(httpContext, httpContext.RequestAborted);
        }
    }

    private async Task SendAsync(HttpContext context, CancellationToken ct)
    {
        var request = context.Request;
        var response = context.Response;
        var info = reader.Info;
        BlobHeaders.Apply(response, info);
        response.Headers.AcceptRanges = "bytes";

        var isHead = HttpMethods.IsHead(request.Method);
        var ranges = isHead ? RangeRequest.Full : RangeHeaderParser.Parse(request.Headers.Range, info.Size);
        switch (ranges.Outcome)
        {
            case RangeOutcome.Unsatisfiable:
                response.Headers.ContentRange = ByteRange.UnsatisfiedContentRange(info.Size);
                await ErrorResults.From(new CloudFsError(CloudFsErrorKind.RangeNotSatisfiable)).ExecuteAsync(context);
                return;

            case RangeOutcome.Partial when ranges.Ranges.Count == 1:
                var range = ranges.Ranges[0];
                response.StatusCode = StatusCodes.Status206PartialContent;
                response.ContentType = OctetStream;
                response.Headers.ContentRange = range.ToContentRange(info.Size);
                response.ContentLength = range.Length;
                await reader.CopyRangeToAsync(response.Body, range.Start, range.Length, ct);
                return;

            case RangeOutcome.Partial:
                var partType = request.Headers[BackendHeaders.PartContentType].ToString();
                var multipart = new MultipartByteRanges(ranges.Ranges, info.Size, partType.Length > 0 ? partType : OctetStream);
                response.StatusCode = StatusCodes.Status206PartialContent;
                response.ContentType = multipart.ContentType;
                response.ContentLength = multipart.ContentLength;
                await multipart.WriteAsync(response.Body, (r, body, token) => reader.CopyRangeToAsync(body, r.Start, r.Length, token), ct);
                return;

            default:
                response.StatusCode = StatusCodes.Status200OK;
                response.ContentType = OctetStream;
                response.ContentLength = info.Size;
                if (!isHead)
                {
                    await SendWholeAsync(context, info, ct);
                }

                return;
        }
    }

    private async Task SendWholeAsync(HttpContext context, BlobInfo info, CancellationToken ct)
    {
        if (!verifyFullReads)
        {
            await reader.CopyRangeToAsync(context.Response.Body, 0, info.Size, ct);
            return;
        }

        if (!await reader.CopyCheckedToAsync(context.Response.Body, ct))
        {
            // The headers promised a good body; breaking the connection is the only way left to
            // tell the proxy otherwise (it then reads another replica).
            var logger = context.RequestServices.GetRequiredService<ILogger<BlobResult>>();
            Log.AbortedCorruptRead(logger, info.Id.Value, context.TraceIdentifier);
            context.Abort();
        }
    }

    private static partial class Log
    {
        [LoggerMessage(130, LogLevel.Warning, "GET of blob {Blob} aborted: body failed verification (checksum or MD5) {TransId}")]
        public static partial void AbortedCorruptRead(ILogger logger, string blob, string transId);
    }
}
