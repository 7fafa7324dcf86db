using System.Buffers;
using System.Net;

namespace CloudFs.Backend;

/// <summary>
/// A request body sent chunk by chunk, each chunk restarting the node timer: a large blob
/// streams for as long as it keeps moving, and is never held in memory whole.
/// </summary>
public sealed class IdleTimeoutContent : HttpContent
{
    private const int ChunkSize = 64 * 1024;

    private readonly HttpContent _inner;
    private readonly NodeTimer _timer;

    public IdleTimeoutContent(HttpContent inner, NodeTimer timer)
    {
        _inner = inner;
        _timer = timer;
        foreach (var (name, values) in inner.Headers)
        {
            Headers.TryAddWithoutValidation(name, values);
        }
    }

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken)
    {
        var source = await _inner.ReadAsStreamAsync(cancellationToken);
        var buffer = ArrayPool<byte>.Shared.Rent(ChunkSize);
        try
        {
            int read;
            while ((read = await source.ReadAsync(buffer.AsMemory(0, ChunkSize), cancellationToken)) > 0)
            {
                await stream.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
                _timer.Restart();
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
        SerializeToStreamAsync(stream, context, CancellationToken.None);

    protected override bool TryComputeLength(out long length)
    {
        length = _inner.Headers.ContentLength ?? 0;
        return _inner.Headers.ContentLength is not null;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _inner.Dispose();
        }

        base.Dispose(disposing);
    }
}
