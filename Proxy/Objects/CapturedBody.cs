namespace CloudFs.Proxy.Objects;

/// <summary>
/// A small request body read through to the replicas while a copy of it is kept, so the proxy
/// can keep what it stored (<see cref="SmallBodyCache"/>) without reading the body twice or
/// changing how it is streamed. Only for a body whose Content-Length is known and small.
/// </summary>
public sealed class CapturedBody(Stream inner, int length) : Stream
{
    private readonly byte[] _copy = new byte[length];
    private int _filled;
    private bool _overrun;

    /// <summary>The whole body when exactly the announced bytes were read; null otherwise.</summary>
    public byte[]? Body => !_overrun && _filled == _copy.Length ? _copy : null;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        var read = await inner.ReadAsync(buffer, cancellationToken);
        Copy(buffer.Span[..read]);
        return read;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var read = inner.Read(buffer);
        Copy(buffer[..read]);
        return read;
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    private void Copy(ReadOnlySpan<byte> read)
    {
        if (read.Length > _copy.Length - _filled)
        {
            // More than announced: the upload fails on its length anyway; nothing is kept.
            _overrun = true;
            return;
        }

        read.CopyTo(_copy.AsSpan(_filled));
        _filled += read.Length;
    }
}
