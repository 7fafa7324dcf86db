using System.Security.Cryptography;
using System.Text;

namespace CloudFs.Common.Ranges;

/// <summary>
/// The framing of a <c>multipart/byteranges</c> body (RFC 9110 §14.6). It knows the exact
/// body length up front, so the answer can carry Content-Length, and it writes only the
/// framing: the caller copies each part's bytes from wherever they live.
/// </summary>
public sealed class MultipartByteRanges
{
    private readonly IReadOnlyList<ByteRange> _ranges;
    private readonly long _size;
    private readonly string _partContentType;

    public MultipartByteRanges(IReadOnlyList<ByteRange> ranges, long size, string partContentType, string? boundary = null)
    {
        ArgumentNullException.ThrowIfNull(ranges);
        _ranges = ranges;
        _size = size;
        _partContentType = partContentType;
        Boundary = boundary ?? NewBoundary();
    }

    public string Boundary { get; }

    /// <summary>The response's Content-Type header value.</summary>
    public string ContentType => $"multipart/byteranges; boundary={Boundary}";

    /// <summary>Total body length: framing plus every part's bytes.</summary>
    public long ContentLength
    {
        get
        {
            long total = Encoding.ASCII.GetByteCount(Closing());
            foreach (var range in _ranges)
            {
                total += Encoding.ASCII.GetByteCount(PartHeader(range)) + range.Length;
            }

            return total;
        }
    }

    /// <summary>Writes the parts; <paramref name="copyPart"/> writes one range's bytes to the stream.</summary>
    public async Task WriteAsync(Stream destination, Func<ByteRange, Stream, CancellationToken, Task> copyPart, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(destination);
        ArgumentNullException.ThrowIfNull(copyPart);
        foreach (var range in _ranges)
        {
            await destination.WriteAsync(Encoding.ASCII.GetBytes(PartHeader(range)), ct);
            await copyPart(range, destination, ct);
        }

        await destination.WriteAsync(Encoding.ASCII.GetBytes(Closing()), ct);
    }

    // Each part starts with CRLF so the previous part's bytes end cleanly before the delimiter;
    // the leading CRLF of the first part is allowed preamble.
    private string PartHeader(ByteRange range) =>
        $"\r\n--{Boundary}\r\nContent-Type: {_partContentType}\r\nContent-Range: {range.ToContentRange(_size)}\r\n\r\n";

    private string Closing() => $"\r\n--{Boundary}--\r\n";

    private static string NewBoundary() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
}
