using CloudFs.Common.IO;

namespace CloudFs.ObjectServer.Storage;

/// <summary>
/// Writes a blob's body pieces to its temp file, with O_DIRECT once the body is known to be at
/// least <see cref="ObjectServerOptions.DirectWriteMinBytes"/> (its Content-Length, or for a
/// chunked body the bytes received so far). A large body then costs no copy into the page cache
/// (most of the object server's CPU for a 256 MiB PUT was that copy) and leaves no dirty pages
/// for the fsync before the rename, which stays: the device's cache is flushed as before.
/// The pieces are written one after another (the writer awaits each before the next), and all
/// but the last fill a whole buffer, so every direct write starts at an aligned offset.
/// </summary>
internal sealed class DirectWrites(FileStream file, ObjectServerOptions options)
{
    // An unaligned buffer size would leave the second piece at an unaligned offset.
    private readonly bool _eligible = options.DirectWriteMinBytes > 0 && options.IoBufferSize % DirectIo.Alignment == 0;
    private bool _tried;

    // Whether the file is in O_DIRECT mode now.
    private bool _on;

    /// <summary>Writes one piece; <paramref name="bodyAtLeast"/> is what is known of the body's size.</summary>
    public async Task WriteAsync(ReadOnlyMemory<byte> piece, long bodyAtLeast, CancellationToken ct)
    {
        if (!_tried && _eligible && bodyAtLeast >= options.DirectWriteMinBytes)
        {
            // Tried once: a filesystem without direct I/O (tmpfs, some FUSE) refuses, and the body
            // goes through the page cache as any other.
            _tried = true;
            _on = DirectIo.TrySet(file.SafeFileHandle, on: true);
        }

        if (!_on)
        {
            await file.WriteAsync(piece, ct);
            return;
        }

        var aligned = piece.Length & ~(DirectIo.Alignment - 1);
        if (aligned > 0)
        {
            await file.WriteAsync(piece[..aligned], ct);
        }

        if (aligned < piece.Length)
        {
            // The last piece's tail, shorter than a block, goes through the page cache.
            Stop();
            await file.WriteAsync(piece[aligned..], ct);
        }
    }

    /// <summary>Back to buffered writes, for the tail and the footer.</summary>
    public void Stop()
    {
        if (_on && !DirectIo.TrySet(file.SafeFileHandle, on: false))
        {
            throw new IOException($"Cannot turn O_DIRECT off on {file.Name}.");
        }

        _on = false;
    }
}
