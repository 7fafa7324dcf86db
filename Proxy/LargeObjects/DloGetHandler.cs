using CloudFs.Backend;
using CloudFs.Common.Hosting;
using CloudFs.Common.Ranges;
using CloudFs.Common.Results;
using CloudFs.Proxy.Backend;
using CloudFs.Proxy.Endpoints;
using CloudFs.Proxy.Objects;
using CloudFs.Proxy.Paths;

namespace CloudFs.Proxy.LargeObjects;

/// <summary>
/// GET and HEAD of a dynamic large object (Swift's dlo middleware): the manifest's own headers,
/// with the Content-Length and ETag of the concatenated segments, and their bytes as the body;
/// the manifest object's own body is never read.
/// </summary>
public sealed class DloGetHandler(DloListing listing, CatalogClient catalog, SegmentStreamer streamer, TimeProvider time)
{
    public async Task HandleAsync(HttpContext context, ResourcePath path, ObjectRecord record, DloManifest manifest, CallContext call)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(manifest);
        var segments = await SegmentsAsync(context, path, manifest, call);
        if (segments is null)
        {
            return;
        }

        var request = context.Request;
        var response = context.Response;
        var etag = segments.Etag;
        var conditional = ConditionalAnswer.Evaluate(request, etag, record.Timestamp);
        SetHeaders(response, record, etag);
        if (conditional != ConditionalResult.Proceed)
        {
            // As a plain object's.
            ConditionalAnswer.Write(response, conditional);
            return;
        }

        if (!HttpMethods.IsHead(request.Method))
        {
            var range = DloRange.Decide(request.Headers.Range, segments.Total);
            if (range.Outcome == RangeOutcome.Unsatisfiable)
            {
                // Swift's dlo answers swob's bare 416, without the object's headers.
                response.Clear();
                response.Headers.AcceptRanges = "bytes";
                response.Headers.ContentRange = ByteRange.UnsatisfiedContentRange(segments.Total);
                await ErrorResults.From(new CloudFsError(CloudFsErrorKind.RangeNotSatisfiable)).ExecuteAsync(context);
                return;
            }

            if (range.Outcome == RangeOutcome.Full)
            {
                // Several ranges get the whole body from Swift's dlo; the streamer must not apply them.
                request.Headers.Remove("Range");
            }
        }

        await streamer.StreamAsync(context, Source(path.Account, manifest, segments), record.ContentType, call);
    }

    /// <summary>
    /// The DLO's body for a copy into a plain object; null when the request was answered here
    /// (segment container not readable by the caller, or not listable).
    /// </summary>
    public async Task<DloBody?> OpenBodyAsync(HttpContext context, ResourcePath source, DloManifest manifest, CallContext call)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(manifest);
        var segments = await SegmentsAsync(context, source, manifest, call);
        return segments is null ? null : new DloBody(streamer, Source(source.Account, manifest, segments), segments.Total);
    }

    // The caller must be allowed to read the segment container (Swift lists it with the caller's
    // token); answers the request and returns null when that or the listing fails.
    private async Task<DloSegmentList?> SegmentsAsync(HttpContext context, ResourcePath path, DloManifest manifest, CallContext call)
    {
        // Resolved per request: SwiftApiHandler reaches this handler through the object handlers.
        var access = context.RequestServices.GetRequiredService<SwiftApiHandler>();
        if (!await access.AuthorizeAsync(context, new ResourcePath(path.Account, manifest.Container, null, ""), "GET", call))
        {
            return null;
        }

        var listed = await listing.ListAsync(path.Account, manifest, call, context.RequestAborted);
        if (!listed.IsSuccess)
        {
            await ProxyResults.Error(context, listed.Error);
            return null;
        }

        return listed.Value;
    }

    private DloSegmentSource Source(string account, DloManifest manifest, DloSegmentList segments) =>
        new(catalog, time, account, manifest.Container, segments);

    private static void SetHeaders(HttpResponse response, ObjectRecord record, string etag)
    {
        foreach (var (name, value) in ObjectHeaders.For(record))
        {
            response.Headers[name] = value;
        }

        // Quoted, as Swift sends a DLO's ETag: it is not the MD5 of the body.
        response.Headers.ETag = $"\"{etag}\"";
        response.ContentLength = null;
    }
}
