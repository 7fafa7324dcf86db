using System.Net;

namespace CloudFs.Bench.LoadGen.Http;

/// <summary>
/// A request body of a given length streamed from <see cref="PatternBuffer"/>: a 256 MiB PUT
/// never holds more than the one shared MiB in memory.
/// </summary>
public sealed class GeneratedContent : HttpContent
{
    private readonly long _length;

    public GeneratedContent(long length)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        _length = length;
        Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/octet-stream");
    }

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
        SerializeToStreamAsync(stream, context, CancellationToken.None);

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken)
    {
        var pattern = PatternBuffer.Bytes;
        var left = _length;
        while (left > 0)
        {
            var chunk = (int)Math.Min(left, pattern.Length);
            await stream.WriteAsync(pattern[..chunk], cancellationToken);
            left -= chunk;
        }
    }

    protected override bool TryComputeLength(out long length)
    {
        length = _length;
        return true;
    }
}
