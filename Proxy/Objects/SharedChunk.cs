using System.Buffers;

namespace CloudFs.Proxy.Objects;

/// <summary>
/// One pooled buffer of a PUT body, shared by every replica's queue; it goes back to the pool
/// when the last holder releases it, so a fan-out keeps a fixed number of buffers alive.
/// </summary>
public sealed class SharedChunk
{
    private readonly byte[] _buffer;
    private int _references = 1;

    public SharedChunk(byte[] buffer, int length)
    {
        _buffer = buffer;
        Length = length;
    }

    public int Length { get; }

    public ReadOnlyMemory<byte> Memory => _buffer.AsMemory(0, Length);

    public void AddReference() => Interlocked.Increment(ref _references);

    public void Release()
    {
        if (Interlocked.Decrement(ref _references) == 0)
        {
            ArrayPool<byte>.Shared.Return(_buffer);
        }
    }
}
