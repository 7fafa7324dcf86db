using System.IO.Pipelines;
using CloudFs.Backend;
using CloudFs.Common.Ranges;
using CloudFs.Common.Results;

namespace CloudFs.Proxy.LargeObjects;

/// <summary>A DLO's concatenated bytes, for a copy that stores them as a plain object.</summary>
public sealed class DloBody(SegmentStreamer streamer, ISegmentSource source, long length)
{
    /// <summary>The whole body's length.</summary>
    public long Length { get; } = length;

    /// <summary>
    /// Hands <paramref name="store"/> a stream of the body (or of <paramref name="range"/>) and its
    /// length, and returns what it stored; 503 when a segment could not be read on the way.
    /// </summary>
    public async Task<Outcome<T>> StoreAsync<T>(ByteRange? range, Func<Stream, long, Task<Outcome<T>>> store, CallContext call, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(store);
        // The streamer pushes, the store pulls: a small pipe joins them without holding a segment.
        var pipe = new Pipe(new PipeOptions(pauseWriterThreshold: 1024 * 1024, resumeWriterThreshold: 512 * 1024));
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var pumping = PumpAsync(pipe.Writer, range, call, stop.Token);
        Outcome<T> stored;
        await using (var body = pipe.Reader.AsStream())
        {
            stored = await store(body, range?.Length ?? Length);
        }

        // The store may stop early (quota, replicas refusing): the pump must not wait on a full pipe.
        await stop.CancelAsync();
        var segmentsFailed = await pumping;
        return !stored.IsSuccess && segmentsFailed && !ct.IsCancellationRequested ? new CloudFsError(CloudFsErrorKind.ServiceUnavailable) : stored;
    }

    // True when a segment could not be read (not when the store stopped reading first).
    private async Task<bool> PumpAsync(PipeWriter writer, ByteRange? range, CallContext call, CancellationToken ct)
    {
        await Task.Yield();
        try
        {
            await streamer.CopyToAsync(source, range, writer.AsStream(leaveOpen: true), call, ct);
            await writer.CompleteAsync();
            return false;
        }
        catch (Exception ex) when (ex is IOException or HttpRequestException or OperationCanceledException)
        {
            // The store sees the failure as its body breaking off, and stops.
            await writer.CompleteAsync(ex);
            return !ct.IsCancellationRequested;
        }
    }
}
