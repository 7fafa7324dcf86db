using System.Buffers;
using System.Collections.Concurrent;
using System.Runtime.InteropServices;

namespace CloudFs.Common.IO;

/// <summary>
/// Blocks of pinned memory of one size, reused. Two users:
/// <list type="bullet">
/// <item>Kestrel reads sockets into them and writes responses from them, in blocks larger than
/// its default 4 KiB. A pipe's socket read fills at most the block it rents, so a 4 KiB block
/// meant a receive call per 4 KiB of a body: 256 for each MiB, on the proxy and the object server
/// alike, each a wake-up of a thread and a system call. With 64 KiB it is 16. Idle connections
/// hold no block: Kestrel waits for data with a zero-byte read before renting.</item>
/// <item>The object server's PUT buffers, aligned to the disk's block size so that a blob's body
/// can be written with O_DIRECT, which takes only aligned memory.</item>
/// </list>
/// </summary>
public sealed class PinnedBlockPool : MemoryPool<byte>
{
    public const int DefaultBlockSize = 64 * 1024;

    private readonly ConcurrentQueue<Block> _free = new();
    private readonly int _maxFree;
    private readonly int _alignment;
    private int _freeCount;
    private bool _disposed;

    /// <param name="blockSize">Bytes in each block.</param>
    /// <param name="maxFree">Returned blocks kept for reuse at most; the rest go to the GC.</param>
    /// <param name="alignment">Every block's memory starts at a multiple of this (a power of two).</param>
    public PinnedBlockPool(int blockSize = DefaultBlockSize, int maxFree = 256, int alignment = 1)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(blockSize, 4096);
        if (alignment < 1 || !int.IsPow2(alignment))
        {
            throw new ArgumentOutOfRangeException(nameof(alignment), alignment, "Alignment must be a power of two.");
        }

        BlockSize = blockSize;
        _maxFree = maxFree;
        _alignment = alignment;
    }

    public int BlockSize { get; }

    public override int MaxBufferSize => BlockSize;

    public override IMemoryOwner<byte> Rent(int minBufferSize = -1)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (minBufferSize > BlockSize)
        {
            // Kestrel asks for at most 4 KiB; anything larger is a one-off, not kept.
            return new Block(null, Allocate(minBufferSize));
        }

        if (_free.TryDequeue(out var block))
        {
            Interlocked.Decrement(ref _freeCount);
            return block.Reuse();
        }

        // On the pinned-object heap, as Kestrel's own blocks are: the socket layer pins a buffer for
        // each call, and long-lived pinned arrays in the ordinary heap would fragment it.
        return new Block(this, Allocate(BlockSize));
    }

    protected override void Dispose(bool disposing)
    {
        _disposed = true;
        _free.Clear();
    }

    // A pinned array never moves, so the aligned start found once stays aligned.
    private Memory<byte> Allocate(int size)
    {
        var array = GC.AllocateUninitializedArray<byte>(size + _alignment - 1, pinned: true);
        var address = Marshal.UnsafeAddrOfPinnedArrayElement(array, 0);
        var skip = (int)((_alignment - (address % _alignment)) % _alignment);
        return array.AsMemory(skip, size);
    }

    private void Return(Block block)
    {
        if (_disposed)
        {
            return;
        }

        // Beyond the bound a block goes to the GC, so a burst does not pin memory for good.
        if (Interlocked.Increment(ref _freeCount) > _maxFree)
        {
            Interlocked.Decrement(ref _freeCount);
            return;
        }

        _free.Enqueue(block);
    }

    private sealed class Block(PinnedBlockPool? pool, Memory<byte> memory) : IMemoryOwner<byte>
    {
        private int _rented = 1;

        public Memory<byte> Memory => memory;

        public Block Reuse()
        {
            _rented = 1;
            return this;
        }

        public void Dispose()
        {
            // A second Dispose must not put the block in the queue twice.
            if (Interlocked.Exchange(ref _rented, 0) == 1)
            {
                pool?.Return(this);
            }
        }
    }
}
