using System.IO.Compression;
using ICSharpCode.SharpZipLib.BZip2;

namespace CloudFs.Proxy.Middleware.Bulk;

/// <summary>
/// Opens a request body as a tar stream, decompressing it on the fly (nothing is buffered but
/// the first block), and checks that first block the way Python's tarfile does, so a body that
/// is no archive gets Swift's reason: "empty file", "truncated header", "invalid header",
/// "bad checksum", "not a gzip file", "unsupported compression method", "invalid
/// compressed data".
/// </summary>
public static class ArchiveOpener
{
    private const int BlockSize = 512;

    public static async Task<Stream> OpenAsync(Stream body, ArchiveKind kind, CancellationToken ct)
    {
        var tar = kind switch
        {
            ArchiveKind.TarGz => await GzipAsync(body, ct),
            ArchiveKind.TarBz2 => await Bzip2Async(body, ct),
            _ => body,
        };

        var first = new byte[BlockSize];
        var filled = await FillAsync(tar, first, ct);
        CheckFirstBlock(first.AsSpan(0, filled));
        return new PrefixedStream(first.AsMemory(0, filled), tar);
    }

    /// <summary>Python tarfile's verdict on an archive's first header block (an all-zero block is an empty archive).</summary>
    public static void CheckFirstBlock(ReadOnlySpan<byte> block)
    {
        if (block.Length == 0)
        {
            throw new InvalidArchiveException("empty file");
        }

        if (block.Length != BlockSize)
        {
            throw new InvalidArchiveException("truncated header");
        }

        if (!block.ContainsAnyExcept((byte)0))
        {
            return;
        }

        // The checksum field: octal digits up to the first NUL, blank means 0.
        var field = block[148..156];
        var nul = field.IndexOf((byte)0);
        var digits = System.Text.Encoding.ASCII.GetString(nul >= 0 ? field[..nul] : field).Trim();
        long stored = 0;
        foreach (var c in digits)
        {
            if (c is < '0' or > '7')
            {
                throw new InvalidArchiveException("invalid header");
            }

            stored = (stored * 8) + (c - '0');
        }

        long unsigned = 256;
        long signed = 256;
        for (var i = 0; i < BlockSize; i++)
        {
            if (i is >= 148 and < 156)
            {
                continue;
            }

            unsigned += block[i];
            signed += (sbyte)block[i];
        }

        if (stored != unsigned && stored != signed)
        {
            throw new InvalidArchiveException("bad checksum");
        }
    }

    private static async Task<Stream> GzipAsync(Stream body, CancellationToken ct)
    {
        // The magic, then the compression method (8, deflate), checked in that order as Python does.
        var magic = new byte[3];
        var n = await FillAsync(body, magic, ct);
        if (n < 2 || magic[0] != 0x1f || magic[1] != 0x8b)
        {
            throw new InvalidArchiveException("not a gzip file");
        }

        if (n < 3 || magic[2] != 8)
        {
            throw new InvalidArchiveException("unsupported compression method");
        }

        return new GZipStream(new PrefixedStream(magic, body), CompressionMode.Decompress);
    }

    private static async Task<Stream> Bzip2Async(Stream body, CancellationToken ct)
    {
        var magic = new byte[3];
        var n = await FillAsync(body, magic, ct);
        if (n == 0)
        {
            throw new InvalidArchiveException("empty file");
        }

        if (n != 3 || magic[0] != 'B' || magic[1] != 'Z' || magic[2] != 'h')
        {
            throw new InvalidArchiveException("invalid compressed data");
        }

        // The decoder reads its source synchronously; opening it (it reads the header) happens
        // on a pool thread, and later reads go through Stream.ReadAsync, which runs them there too.
        var source = new PrefixedStream(magic, body);
        try
        {
            return await Task.Run(() => new BZip2InputStream(source) { IsStreamOwner = false }, ct);
        }
        catch (Exception ex) when (ex is BZip2Exception or EndOfStreamException)
        {
            throw new InvalidArchiveException("invalid compressed data");
        }
    }

    private static async Task<int> FillAsync(Stream stream, byte[] buffer, CancellationToken ct)
    {
        var filled = 0;
        try
        {
            int n;
            while (filled < buffer.Length && (n = await stream.ReadAsync(buffer.AsMemory(filled), ct)) > 0)
            {
                filled += n;
            }
        }
        catch (Exception ex) when (ex is InvalidDataException or BZip2Exception or EndOfStreamException)
        {
            throw new InvalidArchiveException("invalid compressed data");
        }

        return filled;
    }
}
