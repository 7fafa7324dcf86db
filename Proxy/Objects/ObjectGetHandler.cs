using System.Net;
using CloudFs.Backend;
using CloudFs.Common.Contracts;
using CloudFs.Common.Results;
using CloudFs.Proxy.Backend;
using CloudFs.Proxy.Endpoints;
using CloudFs.Proxy.Paths;
using CloudFs.Proxy.Routing;
using CloudFs.Proxy.Versioning;
using CloudFs.Ring;
using Microsoft.Extensions.Options;

namespace CloudFs.Proxy.Objects;

/// <summary>
/// Object GET and HEAD: resolve the name on a container server, answer conditional requests
/// and HEAD from the record, then stream the blob (with the client's Range) from the first
/// replica that answers, moving on to the next one while nothing has been sent to the client.
/// </summary>
public sealed partial class ObjectGetHandler(CatalogClient catalog, RingSet rings, NodeSelector selector, BackendInvoker invoker,
    NodeErrorLimiter limiter, TimeProvider time, IOptions<BackendOptions> options, ILogger<ObjectGetHandler> logger)
{
    public async Task HandleAsync(HttpContext context, ResourcePath path, CallContext call)
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
        var conditional = ConditionalRequest.Evaluate(record.Hash, record.Timestamp,
            request.Headers.TryGetValue("If-Match", out var ifMatch) ? ifMatch.ToString() : null,
            request.Headers.IfNoneMatch, request.Headers.IfModifiedSince, request.Headers.IfUnmodifiedSince);
        var response = context.Response;
        if (conditional != ConditionalResult.Proceed)
        {
            // As Swift: a 304 carries every object header; a 412 the object's headers as an error
            // page (no Accept-Ranges).
            SetHeaders(response, record);
            if (conditional == ConditionalResult.NotModified)
            {
                response.StatusCode = StatusCodes.Status304NotModified;
            }
            else
            {
                response.StatusCode = StatusCodes.Status412PreconditionFailed;
                response.ContentType = "text/html; charset=UTF-8";
                response.Headers.Remove("Accept-Ranges");
            }

            response.ContentLength = 0;
            return;
        }

        // A row without a blob (a versioning delete marker) is an empty object.
        if (HttpMethods.IsHead(request.Method) || record.BlobId.Length == 0)
        {
            SetHeaders(response, record);
            response.ContentLength = record.Bytes;
            return;
        }

        await StreamBlobAsync(context, record, call);
    }

    /// <summary>
    /// The blob (with <paramref name="range"/> when not empty) from the first replica that answers
    /// 200, 206 or 416; null when none does. The caller disposes the answer.
    /// </summary>
    public async Task<HttpResponseMessage?> OpenBlobAsync(ObjectRecord record, string range, CallContext call, CancellationToken ct)
    {
        var ring = rings.ObjectFor(record.PolicyIndex);
        var part = ring.GetBlobPartition(record.BlobId);
        var nodes = selector.ForRead(ring, part);
        var timeout = TimeSpan.FromSeconds(options.Value.NodeTimeoutSeconds);
        foreach (var node in nodes)
        {
            if (await TryOpenAsync(node, part, record, range, call, timeout, ct) is { } blob)
            {
                return blob;
            }
        }

        Log.NoReplica(logger, record.BlobId, nodes.Count);
        return null;
    }

    private async Task StreamBlobAsync(HttpContext context, ObjectRecord record, CallContext call)
    {
        var ct = context.RequestAborted;
        var timeout = TimeSpan.FromSeconds(options.Value.NodeTimeoutSeconds);
        var blob = await OpenBlobAsync(record, context.Request.Headers.Range.ToString(), call, ct);
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

    private async Task<HttpResponseMessage?> TryOpenAsync(RingDevice node, int part, ObjectRecord record, string range, CallContext call, TimeSpan timeout, CancellationToken ct)
    {
        var blobId = record.BlobId;
        var request = RoleClient.Request(HttpMethod.Get, node, BackendUris.Blob(node, part, blobId), call);
        BackendUris.AddPolicy(request, record.PolicyIndex);
        if (range.Length > 0)
        {
            request.Headers.TryAddWithoutValidation("Range", range);
            request.Headers.TryAddWithoutValidation(BackendHeaders.PartContentType, record.ContentType);
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
