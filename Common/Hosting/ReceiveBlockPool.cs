using System.Buffers;
using System.Collections.Concurrent;

namespace CloudFs.Common.Hosting;

/// <summary>
/// The memory Kestrel reads sockets into and writes responses from, in blocks larger than its
/// default 4 KiB. A pipe's socket read fills at most the block it rents, so a 4 KiB block meant
/// a receive call per 4 KiB of a body: 256 for each MiB, on the proxy and the object server
/// alike, and each call is a wake-up of a thread and a system call. With 64 KiB it is 16.
/// Idle connections hold no block: Kestrel waits for data with a zero-byte read before renting.
/// </summary>
public sealed class ReceiveBlockPool : MemoryPool<byte>
{
    public const int DefaultBlockSize = 64 * 1024;

    private readonly ConcurrentQueue<Block> _free = new();
    private readonly int _maxFree;
    private int _freeCount;
    private bool _disposed;

    public ReceiveBlockPool(int blockSize = DefaultBlockSize, int maxFree = 256)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(blockSize, 4096);
        BlockSize = blockSize;
        _maxFree = maxFree;
    }

    public int BlockSize { get; }

    public override int MaxBufferSize => BlockSize;

    public override IMemoryOwner<byte> Rent(int minBufferSize = -1)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (minBufferSize > BlockSize)
        {
            // Kestrel asks for at most 4 KiB; anything larger is a one-off, not kept.
            return new Block(null, GC.AllocateUninitializedArray<byte>(minBufferSize, pinned: true));
        }

        if (_free.TryDequeue(out var block))
        {
            Interlocked.Decrement(ref _freeCount);
            return block.Reuse();
        }

        // On the pinned-object heap, as Kestrel's own blocks are: the socket layer pins a buffer for
        // each call, and long-lived pinned arrays in the ordinary heap would fragment it.
        return new Block(this, GC.AllocateUninitializedArray<byte>(BlockSize, pinned: true));
    }

    protected override void Dispose(bool disposing)
    {
        _disposed = true;
        _free.Clear();
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

    private sealed class Block(ReceiveBlockPool? pool, byte[] array) : IMemoryOwner<byte>
    {
        private int _rented = 1;

        public Memory<byte> Memory => array;

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
