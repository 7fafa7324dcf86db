using System.Net;
using System.Threading.Channels;

namespace CloudFs.Proxy.Objects;

/// <summary>
/// The request body of one replica PUT: chunks handed over by the fan-out through a small
/// bounded queue, so a slow replica holds the upload back instead of growing memory.
/// Completing the queue with an error aborts the replica's request (it stores nothing).
/// </summary>
public sealed class ChunkQueueContent : HttpContent
{
    private readonly Channel<SharedChunk> _queue;
    private readonly long? _length;

    public ChunkQueueContent(int capacity, long? length)
    {
        _queue = Channel.CreateBounded<SharedChunk>(new BoundedChannelOptions(capacity)
        {
            SingleReader = true,
            SingleWriter = true,
            FullMode = BoundedChannelFullMode.Wait,
        });
        _length = length;
        Headers.ContentLength = length;
    }

    /// <summary>Queues a chunk, waiting while the queue is full.</summary>
    public async ValueTask WriteAsync(SharedChunk chunk, CancellationToken ct)
    {
        chunk.AddReference();
        try
        {
            await _queue.Writer.WriteAsync(chunk, ct);
        }
        catch
        {
            chunk.Release();
            throw;
        }
    }

    /// <summary>Ends the body: normally, or with an error that aborts the request.</summary>
    public void Complete(Exception? error = null) => _queue.Writer.TryComplete(error);

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var chunk in _queue.Reader.ReadAllAsync(cancellationToken))
            {
                try
                {
                    await stream.WriteAsync(chunk.Memory, cancellationToken);
                }
                finally
                {
                    chunk.Release();
                }
            }
        }
        finally
        {
            Drain();
        }
    }

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
        SerializeToStreamAsync(stream, context, CancellationToken.None);

    protected override bool TryComputeLength(out long length)
    {
        length = _length ?? 0;
        return _length is not null;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _queue.Writer.TryComplete();
            Drain();
        }

        base.Dispose(disposing);
    }

    private void Drain()
    {
        while (_queue.Reader.TryRead(out var left))
        {
            left.Release();
        }
    }
}
