using System.Text;
using CloudFs.Backend;
using CloudFs.Common.Hosting;
using CloudFs.Common.Ranges;
using CloudFs.Proxy.Endpoints;
using CloudFs.Proxy.Objects;
using Microsoft.Extensions.Options;

namespace CloudFs.Proxy.LargeObjects;

/// <summary>
/// Sends a large object's body, the concatenation of its pieces, with the client's Range applied
/// over the whole. Memory stays constant: each piece is read from its blob with a backend Range
/// and copied through a small buffer, and the next piece's request is opened while the current
/// one is still being copied, so the client's pipe does not stall between segments.
/// </summary>
public sealed partial class SegmentStreamer(ObjectGetHandler blobs, IOptions<BackendOptions> options, ILogger<SegmentStreamer> logger)
{
    /// <summary>
    /// The next piece is requested once the current one has this many bytes or fewer left to copy:
    /// early enough to hide the next request's latency, late enough that the prefetched answer does not
    /// sit unread for long (an object server gives up on a peer that stops reading).
    /// </summary>
    internal const long PrefetchWindow = 1024 * 1024;

    /// <summary>
    /// Answers a GET whose body is the concatenation of pieces: applies the client's Range over the
    /// total (sum of Length): 200 with Content-Length; one range → 206 + Content-Range; several ranges
    /// → 206 multipart/byteranges; not satisfiable → 416 as the plain-object GET answers it. The caller
    /// has already set the object's own headers (ETag, Content-Type, metadata, Last-Modified...) on
    /// context.Response; contentType is the object's type (used for multipart parts).
    /// </summary>
    public Task StreamAsync(HttpContext context, IReadOnlyList<SegmentPiece> pieces, string contentType, CallContext call) =>
        StreamAsync(context, new SegmentPieceList(pieces), contentType, call);

    /// <summary>As <see cref="StreamAsync(HttpContext, IReadOnlyList{SegmentPiece}, string, CallContext)"/>, the pieces looked up as they are reached.</summary>
    public async Task StreamAsync(HttpContext context, ISegmentSource pieces, string contentType, CallContext call)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(pieces);
        ArgumentNullException.ThrowIfNull(call);
        var map = new SegmentRangeMap(pieces.Lengths);
        var request = context.Request;
        var response = context.Response;
        var ct = context.RequestAborted;

        // A HEAD answers the whole entity, as a plain object's HEAD does.
        var head = HttpMethods.IsHead(request.Method);
        var ranges = head ? RangeRequest.Full : RangeHeaderParser.Parse(request.Headers.Range, map.Total);
        if (ranges.Outcome == RangeOutcome.Unsatisfiable)
        {
            await UnsatisfiableAsync(context, map.Total);
            return;
        }

        var parts = ranges.Outcome == RangeOutcome.Partial ? ranges.Ranges.Select(map.Slices).ToList() : [map.All()];
        if (head)
        {
            response.StatusCode = StatusCodes.Status200OK;
            response.ContentLength = map.Total;
            return;
        }

        await using var reader = new SliceReader(this, pieces, parts.SelectMany(p => p).ToList(), call, ct);

        // Nothing is sent until the first piece is open, so a dead first segment is still a clean 503.
        if (!await reader.OpenFirstAsync())
        {
            await ProxyResults.Unavailable(context);
            return;
        }

        try
        {
            if (ranges.Outcome == RangeOutcome.Full)
            {
                response.StatusCode = StatusCodes.Status200OK;
                response.ContentLength = map.Total;
                await reader.CopyAsync(parts[0].Count, response.Body);
            }
            else if (!ranges.IsMultipart)
            {
                response.StatusCode = StatusCodes.Status206PartialContent;
                response.Headers.ContentRange = ranges.Ranges[0].ToContentRange(map.Total);
                response.ContentLength = ranges.Ranges[0].Length;
                await reader.CopyAsync(parts[0].Count, response.Body);
            }
            else
            {
                var multipart = new MultipartByteRanges(ranges.Ranges, map.Total, contentType);
                response.StatusCode = StatusCodes.Status206PartialContent;
                response.ContentType = multipart.ContentType;
                response.ContentLength = multipart.ContentLength;
                var part = 0;
                await multipart.WriteAsync(response.Body, (_, body, _) => reader.CopyAsync(parts[part++].Count, body), ct);
            }
        }
        catch (Exception ex) when (ex is IOException or HttpRequestException or OperationCanceledException)
        {
            // Headers are gone; the only honest signal left is a broken connection.
            Log.BodyCut(logger, call.TransId, ex.Message);
            context.Abort();
        }
    }

    /// <summary>
    /// Copies the body, or <paramref name="range"/> of it, to <paramref name="target"/> (a copy of a
    /// large object into a plain one); throws <see cref="IOException"/> when a piece cannot be read.
    /// </summary>
    public async Task CopyToAsync(ISegmentSource pieces, ByteRange? range, Stream target, CallContext call, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(pieces);
        ArgumentNullException.ThrowIfNull(target);
        var map = new SegmentRangeMap(pieces.Lengths);
        var slices = range is { } r ? map.Slices(r) : map.All();
        await using var reader = new SliceReader(this, pieces, slices, call, ct);
        if (!await reader.OpenFirstAsync())
        {
            throw new IOException("The large object's first segment could not be read.");
        }

        await reader.CopyAsync(slices.Count, target);
    }

    // Swift's 416 for a plain object: the stock page under the object's own headers and type.
    private static async Task UnsatisfiableAsync(HttpContext context, long total)
    {
        var page = Encoding.UTF8.GetBytes(SwiftErrorPages.For(StatusCodes.Status416RangeNotSatisfiable));
        var response = context.Response;
        response.StatusCode = StatusCodes.Status416RangeNotSatisfiable;
        response.Headers.ContentRange = ByteRange.UnsatisfiedContentRange(total);
        response.ContentLength = page.Length;
        await response.Body.WriteAsync(page, context.RequestAborted);
    }

    // The slice's bytes from its blob; null when the piece is gone or no replica serves it.
    private async Task<HttpResponseMessage?> OpenAsync(ISegmentSource pieces, SegmentSlice slice, CallContext call, CancellationToken ct)
    {
        var piece = await pieces.PieceAsync(slice.PieceIndex, call, ct);
        if (piece is null || piece.Length != pieces.Lengths[slice.PieceIndex])
        {
            Log.SegmentUnavailable(logger, piece?.BlobId ?? $"#{slice.PieceIndex}", call.TransId);
            return null;
        }

        var blob = await blobs.OpenBlobAsync(piece.BlobId, piece.PolicyIndex, slice.BlobRange(piece), call, ct);
        if (blob is not null && Fits(blob, slice))
        {
            return blob;
        }

        // The replica must send exactly the asked bytes; a blob shorter than its piece (416, or a
        // shorter 206) cannot make up the promised body.
        blob?.Dispose();
        Log.SegmentUnavailable(logger, piece.BlobId, call.TransId);
        return null;
    }

    private static bool Fits(HttpResponseMessage blob, SegmentSlice slice) =>
        blob.StatusCode is System.Net.HttpStatusCode.PartialContent or System.Net.HttpStatusCode.OK
        && blob.Content.Headers.ContentLength == slice.Length;

    private TimeSpan NodeTimeout => TimeSpan.FromSeconds(options.Value.NodeTimeoutSeconds);

    /// <summary>
    /// Reads the slices in order, keeping at most two blob answers open: the one being copied and
    /// the next one, requested as the current one nears its end.
    /// </summary>
    private sealed class SliceReader(SegmentStreamer owner, ISegmentSource pieces, IReadOnlyList<SegmentSlice> slices,
        CallContext call, CancellationToken ct) : IAsyncDisposable
    {
        private int _next;
        private Task<HttpResponseMessage?>? _pending;

        /// <summary>Opens the first slice; false when no replica serves it (no slices at all is fine).</summary>
        public async Task<bool> OpenFirstAsync()
        {
            if (slices.Count == 0)
            {
                return true;
            }

            _pending = Open(0);
            if (await _pending is not null)
            {
                return true;
            }

            _pending = null;
            return false;
        }

        /// <summary>Copies the next <paramref name="count"/> slices to <paramref name="target"/>.</summary>
        public async Task CopyAsync(int count, Stream target)
        {
            for (var i = 0; i < count; i++)
            {
                await CopySliceAsync(target);
            }
        }

        public async ValueTask DisposeAsync()
        {
            if (_pending is null)
            {
                return;
            }

            try
            {
                (await _pending)?.Dispose();
            }
            catch (Exception ex) when (ex is HttpRequestException or IOException or OperationCanceledException)
            {
                // The request was abandoned with the client; nothing to release.
            }
        }

        private async Task CopySliceAsync(Stream target)
        {
            var slice = slices[_next];
            var blob = await TakeAsync(slice);
            _next++;
            using (blob)
            {
                if (slice.Length <= PrefetchWindow)
                {
                    Prefetch();
                }

                await using var source = await blob.Content.ReadAsStreamAsync(ct);
                var left = slice.Length;
                var buffer = System.Buffers.ArrayPool<byte>.Shared.Rent(64 * 1024);
                try
                {
                    using var idle = CancellationTokenSource.CreateLinkedTokenSource(ct);
                    while (left > 0)
                    {
                        idle.CancelAfter(owner.NodeTimeout);
                        var read = await source.ReadAsync(buffer.AsMemory(0, (int)Math.Min(buffer.Length, left)), idle.Token);
                        if (read == 0)
                        {
                            throw new IOException($"Segment {slice.PieceIndex} of the large object ended {left} bytes early.");
                        }

                        await target.WriteAsync(buffer.AsMemory(0, read), ct);
                        left -= read;
                        if (left <= PrefetchWindow)
                        {
                            Prefetch();
                        }
                    }
                }
                finally
                {
                    System.Buffers.ArrayPool<byte>.Shared.Return(buffer);
                }
            }
        }

        // The open answer for 'slice' (started earlier by the prefetch, or now); throws when no replica serves it.
        private async Task<HttpResponseMessage> TakeAsync(SegmentSlice slice)
        {
            var pending = _pending ?? Open(_next);
            _pending = null;
            return await pending ?? throw new IOException($"Segment {slice.PieceIndex} of the large object could not be read.");
        }

        // Starts the next slice's request unless it is already on its way or there is none.
        private void Prefetch()
        {
            if (_pending is null && _next < slices.Count)
            {
                _pending = Open(_next);
            }
        }

        private Task<HttpResponseMessage?> Open(int index) => owner.OpenAsync(pieces, slices[index], call, ct);
    }

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Warning, "Large object body cut short {TransId}: {Reason}")]
        public static partial void BodyCut(ILogger logger, string transId, string reason);

        [LoggerMessage(2, LogLevel.Error, "Segment blob {BlobId} could not be read {TransId}")]
        public static partial void SegmentUnavailable(ILogger logger, string blobId, string transId);
    }
}
