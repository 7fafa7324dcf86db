using System.Net;
using CloudFs.Backend;
using CloudFs.Common.Contracts;
using CloudFs.Common.Hosting;
using CloudFs.Common.Ranges;
using CloudFs.Common.Results;
using CloudFs.Proxy.Backend;
using CloudFs.Proxy.Endpoints;
using CloudFs.Proxy.LargeObjects;
using CloudFs.Proxy.Paths;
using CloudFs.Proxy.Routing;
using CloudFs.Proxy.Symlinks;
using CloudFs.Proxy.Versioning;
using CloudFs.Ring;
using Microsoft.Extensions.Options;

namespace CloudFs.Proxy.Objects;

/// <summary>
/// Object GET and HEAD: resolve the name on a container server, answer conditional requests
/// and HEAD from the record, then stream the blob (with the client's Range) from the first
/// replica that answers, moving on to the next one while nothing has been sent to the client.
/// </summary>
public sealed partial class ObjectGetHandler(CatalogClient catalog, SymlinkHandler symlinks, RingSet rings, NodeSelector selector, BackendInvoker invoker,
    NodeErrorLimiter limiter, SmallBodyCache bodies, TimeProvider time, IOptions<BackendOptions> options, ILogger<ObjectGetHandler> logger)
{
    /// <param name="authorize">Lets links be followed (each target checked with it); without it a link answers as itself.</param>
    public async Task HandleAsync(HttpContext context, ResourcePath path, CallContext call, ReadAuthorizer? authorize = null)
    {
        var ct = context.RequestAborted;
        var version = VersionQuery.Of(path.Query);
        var resolved = await catalog.ResolveAsync(path, call, ct, version);
        if (!resolved.IsSuccess)
        {
            if (resolved.Error.Kind == CloudFsErrorKind.NotFound && version is null
                && (await catalog.ContainerInfoAsync(path.Account, path.Container!, call, ct)).Versioned)
            {
                ObjectVersionAnswer.Missing(context);
            }

            if (resolved.Error.Kind == CloudFsErrorKind.NotFound && ConditionalRequest.IsAnyTag(context.Request.Headers.IfMatch))
            {
                // "If-Match: *" on nothing: swob's empty 412.
                context.Response.StatusCode = StatusCodes.Status412PreconditionFailed;
                context.Response.ContentType = "text/html; charset=UTF-8";
                context.Response.ContentLength = 0;
                return;
            }

            await ProxyResults.Error(context, resolved.Error.Kind == CloudFsErrorKind.NotFound ? CloudFsError.NotFound() : resolved.Error);
            return;
        }

        var record = resolved.Value;
        ObjectVersionAnswer.Found(context, path, record, version);
        if (record.DeleteAt is { } at && at <= time.GetUtcNow().ToUnixTimeSeconds())
        {
            await ProxyResults.Error(context, CloudFsError.NotFound());
            return;
        }

        var request = context.Request;
        if (authorize is not null && symlinks.MustFollow(request, record))
        {
            if (await symlinks.FollowAsync(context, path, record, call, authorize, showLocation: true) is not { } target)
            {
                return;
            }

            record = target;
        }

        // Sub-requests (a manifest's segment checks) read the record they resolved from here.
        context.Features.Set(record);
        if (LargeObjects.DloManifest.Of(record) is { } manifest && !LargeObjects.DloManifest.WantsManifest(request))
        {
            // Resolved per request: the DLO handler reads its segments through this handler.
            await context.RequestServices.GetRequiredService<LargeObjects.DloGetHandler>().HandleAsync(context, path, record, manifest, call);
            return;
        }

        var large = LargeObjectView.For(record, request.Query);
        if (large is { RawManifest: true })
        {
            await context.RequestServices.GetRequiredService<SloReadHandler>().RawManifestAsync(context, record, call);
            return;
        }

        var response = context.Response;
        if (AnswerConditional(request, response, record, large))
        {
            return;
        }

        // A row without a blob (a versioning delete marker) is an empty object.
        if (HttpMethods.IsHead(request.Method) || (record.BlobId.Length == 0 && large is null))
        {
            SetHeaders(response, record);
            large?.Apply(response);
            response.ContentLength = large?.Length ?? record.Bytes;
            return;
        }

        if (large is { Pieces: { } pieces })
        {
            SetHeaders(response, record);
            large.Apply(response);
            await context.RequestServices.GetRequiredService<SegmentStreamer>().StreamAsync(context, pieces, record.ContentType, call);
            return;
        }

        await StreamBlobAsync(context, record, call, large);
    }

    /// <summary>
    /// The blob (with <paramref name="range"/> when not empty) from the first replica that answers
    /// 200, 206 or 416; null when none does. The caller disposes the answer.
    /// </summary>
    public Task<HttpResponseMessage?> OpenBlobAsync(ObjectRecord record, string range, CallContext call, CancellationToken ct) =>
        OpenBlobAsync(record.BlobId, record.PolicyIndex, range, record.ContentType, call, ct);

    /// <summary>
    /// One blob by id (a large object's segment), with <paramref name="range"/> when not empty,
    /// from the first replica that answers 200, 206 or 416; null when none does. The caller disposes the answer.
    /// </summary>
    public Task<HttpResponseMessage?> OpenBlobAsync(string blobId, int policyIndex, string range, CallContext call, CancellationToken ct) =>
        OpenBlobAsync(blobId, policyIndex, range, "", call, ct);

    private async Task<HttpResponseMessage?> OpenBlobAsync(string blobId, int policyIndex, string range, string partType, CallContext call, CancellationToken ct)
    {
        var ring = rings.ObjectFor(policyIndex);
        var part = ring.GetBlobPartition(blobId);
        var nodes = selector.ForRead(ring, part);
        var timeout = TimeSpan.FromSeconds(options.Value.NodeTimeoutSeconds);
        foreach (var node in nodes)
        {
            if (await TryOpenAsync(node, part, blobId, policyIndex, range, partType, call, timeout, ct) is { } blob)
            {
                return blob;
            }
        }

        Log.NoReplica(logger, blobId, nodes.Count);
        return null;
    }

    private async Task StreamBlobAsync(HttpContext context, ObjectRecord record, CallContext call, LargeObjectView? view)
    {
        var ct = context.RequestAborted;
        var range = context.Request.Headers.Range.ToString();
        if (range.Length == 0 && bodies.Keeps(record.Bytes))
        {
            await SendSmallAsync(context, record, call, view);
            return;
        }

        var timeout = TimeSpan.FromSeconds(options.Value.NodeTimeoutSeconds);
        var blob = await OpenBlobAsync(record, range, call, ct);
        if (blob is null)
        {
            await ProxyResults.Unavailable(context);
            return;
        }

        using (blob)
        {
            var response = context.Response;
            response.StatusCode = (int)blob.StatusCode;
            SetHeaders(response, record);
            view?.Apply(response);
            response.ContentLength = blob.Content.Headers.ContentLength;
            if (blob.Content.Headers.ContentRange is { } contentRange)
            {
                response.Headers.ContentRange = contentRange.ToString();
            }

            if (blob.Content.Headers.ContentType?.MediaType?.StartsWith("multipart/", StringComparison.OrdinalIgnoreCase) == true)
            {
                response.ContentType = blob.Content.Headers.ContentType.ToString();
            }

            // A 416 keeps the object's own Content-Type over swob's stock page, as Swift's does.
            try
            {
                await using var source = await blob.Content.ReadAsStreamAsync(ct);
                await CopyAsync(source, response.Body, timeout, ct);
            }
            catch (Exception ex) when (ex is IOException or HttpRequestException or OperationCanceledException)
            {
                // Headers are gone; the only honest signal left is a broken connection.
                Log.BodyCut(logger, record.BlobId, ex.Message);
                context.Abort();
            }
        }
    }

    /// <summary>
    /// A whole small body, from memory or read whole from a replica before anything is sent: a
    /// replica that fails or cuts it short (its checksum did not match) is passed over for the
    /// next one, which a body already streaming to the client could not be.
    /// </summary>
    private async Task SendSmallAsync(HttpContext context, ObjectRecord record, CallContext call, LargeObjectView? view)
    {
        var ct = context.RequestAborted;
        var body = bodies.Find(record.BlobId, record.Bytes) ?? await ReadSmallAsync(record, call, ct);
        if (body is null)
        {
            await ProxyResults.Unavailable(context);
            return;
        }

        var response = context.Response;
        response.StatusCode = StatusCodes.Status200OK;
        SetHeaders(response, record);
        view?.Apply(response);
        response.ContentLength = body.Length;
        await response.Body.WriteAsync(body, ct);
    }

    private async Task<byte[]?> ReadSmallAsync(ObjectRecord record, CallContext call, CancellationToken ct)
    {
        var ring = rings.ObjectFor(record.PolicyIndex);
        var part = ring.GetBlobPartition(record.BlobId);
        var nodes = selector.ForRead(ring, part);
        var timeout = TimeSpan.FromSeconds(options.Value.NodeTimeoutSeconds);
        foreach (var node in nodes)
        {
            using var blob = await TryOpenAsync(node, part, record.BlobId, record.PolicyIndex, "", "", call, timeout, ct);
            if (blob is null)
            {
                continue;
            }

            if (blob.StatusCode != HttpStatusCode.OK || blob.Content.Headers.ContentLength != record.Bytes)
            {
                Log.ReplicaMissing(logger, record.BlobId, node.ToString(), (int)blob.StatusCode);
                continue;
            }

            var body = new byte[record.Bytes];
            try
            {
                using var idle = CancellationTokenSource.CreateLinkedTokenSource(ct);
                idle.CancelAfter(timeout);
                await using var source = await blob.Content.ReadAsStreamAsync(idle.Token);
                await source.ReadExactlyAsync(body, idle.Token);
            }
            catch (Exception ex) when (ex is IOException or HttpRequestException || (ex is OperationCanceledException && !ct.IsCancellationRequested))
            {
                Log.BodyCut(logger, record.BlobId, ex.Message);
                continue;
            }

            bodies.Keep(record.BlobId, body);
            return body;
        }

        Log.NoReplica(logger, record.BlobId, nodes.Count);
        return null;
    }

    /// <summary>Copies the blob to the client; a replica silent for <paramref name="timeout"/> ends the copy.</summary>
    private static async Task CopyAsync(Stream source, Stream target, TimeSpan timeout, CancellationToken ct)
    {
        var buffer = System.Buffers.ArrayPool<byte>.Shared.Rent(64 * 1024);
        try
        {
            using var idle = CancellationTokenSource.CreateLinkedTokenSource(ct);
            while (true)
            {
                idle.CancelAfter(timeout);
                var read = await source.ReadAsync(buffer, idle.Token);
                if (read == 0)
                {
                    return;
                }

                await target.WriteAsync(buffer.AsMemory(0, read), ct);
            }
        }
        finally
        {
            System.Buffers.ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private async Task<HttpResponseMessage?> TryOpenAsync(RingDevice node, int part, string blobId, int policyIndex, string range, string partType,
        CallContext call, TimeSpan timeout, CancellationToken ct)
    {
        var request = RoleClient.Request(HttpMethod.Get, node, BackendUris.Blob(node, part, blobId), call);
        BackendUris.AddPolicy(request, policyIndex);
        if (range.Length > 0)
        {
            request.Headers.TryAddWithoutValidation("Range", range);
            if (partType.Length > 0)
            {
                request.Headers.TryAddWithoutValidation(BackendHeaders.PartContentType, partType);
            }
        }

        using var cts = CancellationTokenSource.CreateLinkedTokenSource(ct);
        cts.CancelAfter(timeout);
        try
        {
            var response = await invoker.Invoker.SendAsync(request, cts.Token);
            if (response.StatusCode is HttpStatusCode.OK or HttpStatusCode.PartialContent or HttpStatusCode.RequestedRangeNotSatisfiable)
            {
                limiter.RecordSuccess(node);
                return response;
            }

            if ((int)response.StatusCode >= 500)
            {
                limiter.RecordError(node);
            }

            Log.ReplicaMissing(logger, blobId, node.ToString(), (int)response.StatusCode);
            response.Dispose();
            return null;
        }
        catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException && !ct.IsCancellationRequested)
        {
            limiter.RecordError(node);
            Log.ReplicaMissing(logger, blobId, node.ToString(), 0);
            return null;
        }
    }

    /// <summary>
    /// Answers the request's conditional headers from the record (the view's ETag for a large
    /// object) when they stop the read; false when the read goes on. A copy's source read uses it
    /// too, as Swift's copy sends the client's conditional headers with its GET of the source.
    /// </summary>
    internal static bool AnswerConditional(HttpRequest request, HttpResponse response, ObjectRecord record, LargeObjectView? large)
    {
        var conditional = ConditionalAnswer.Evaluate(request, large?.Etag ?? record.Hash, record.Timestamp);
        if (conditional == ConditionalResult.Proceed)
        {
            return false;
        }

        SetHeaders(response, record);
        large?.Apply(response);
        ConditionalAnswer.Write(response, conditional);
        return true;
    }

    /// <summary>
    /// Swift's 416 for an object of <paramref name="total"/> bytes: swob's stock page under the
    /// object's own headers and Content-Type, with <c>Content-Range: bytes */total</c>.
    /// </summary>
    internal static async Task RangeNotSatisfiableAsync(HttpContext context, ObjectRecord record, LargeObjectView? large, long total)
    {
        var response = context.Response;
        SetHeaders(response, record);
        large?.Apply(response);
        var page = System.Text.Encoding.UTF8.GetBytes(SwiftErrorPages.For(StatusCodes.Status416RangeNotSatisfiable));
        response.StatusCode = StatusCodes.Status416RangeNotSatisfiable;
        response.Headers.ContentRange = ByteRange.UnsatisfiedContentRange(total);
        response.ContentLength = page.Length;
        await response.Body.WriteAsync(page, context.RequestAborted);
    }

    private static void SetHeaders(HttpResponse response, ObjectRecord record)
    {
        foreach (var (name, value) in ObjectHeaders.For(record))
        {
            response.Headers[name] = value;
        }
    }

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Warning, "Blob {BlobId} not served by {Node}: {Status}")]
        public static partial void ReplicaMissing(ILogger logger, string blobId, string node, int status);

        [LoggerMessage(2, LogLevel.Error, "Blob {BlobId}: none of {Count} replicas could serve it")]
        public static partial void NoReplica(ILogger logger, string blobId, int count);

        [LoggerMessage(3, LogLevel.Warning, "Blob {BlobId}: body cut short: {Reason}")]
        public static partial void BodyCut(ILogger logger, string blobId, string reason);
    }
}
