namespace CloudFs.Proxy.Middleware.FormPost;

/// <summary>
/// A read-only view of one form file that fails the read going past <c>max_file_size</c>, so
/// the upload stops there and is not committed (Swift's _CappedFileLikeObject).
/// </summary>
public sealed class CappedStream(Stream inner, long max) : Stream
{
    private long _read;

    /// <summary>True once the file turned out larger than allowed.</summary>
    public bool Exceeded { get; private set; }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => _read; set => throw new NotSupportedException(); }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        var n = await inner.ReadAsync(buffer, cancellationToken);
        _read += n;
        if (_read > max)
        {
            Exceeded = true;
            throw new IOException("max_file_size exceeded");
        }

        return n;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException("Read asynchronously.");

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
