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

    /// <summary>The response's Content-Type header value, spelled as Swift sends it (no space).</summary>
    public string ContentType => $"multipart/byteranges;boundary={Boundary}";

    /// <summary>Total body length: framing plus every part's bytes.</summary>
    public long ContentLength
    {
        get
        {
            long total = Encoding.ASCII.GetByteCount(Closing());
            for (var i = 0; i < _ranges.Count; i++)
            {
                total += Encoding.ASCII.GetByteCount(PartHeader(_ranges[i], i == 0)) + _ranges[i].Length;
            }

            return total;
        }
    }

    /// <summary>Writes the parts; <paramref name="copyPart"/> writes one range's bytes to the stream.</summary>
    public async Task WriteAsync(Stream destination, Func<ByteRange, Stream, CancellationToken, Task> copyPart, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(destination);
        ArgumentNullException.ThrowIfNull(copyPart);
        for (var i = 0; i < _ranges.Count; i++)
        {
            await destination.WriteAsync(Encoding.ASCII.GetBytes(PartHeader(_ranges[i], i == 0)), ct);
            await copyPart(_ranges[i], destination, ct);
        }

        await destination.WriteAsync(Encoding.ASCII.GetBytes(Closing()), ct);
    }

    // Framed byte for byte as Swift frames it: parts after the first start with the CRLF that
    // ends the previous part's bytes, and the closing delimiter has no CRLF after it.
    private string PartHeader(ByteRange range, bool first) =>
        $"{(first ? "" : "\r\n")}--{Boundary}\r\nContent-Type: {_partContentType}\r\nContent-Range: {range.ToContentRange(_size)}\r\n\r\n";

    private string Closing() => $"\r\n--{Boundary}--";

    private static string NewBoundary() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
}
