using System.Buffers;
using Microsoft.Win32.SafeHandles;

namespace CloudFs.ObjectServer.Storage;

/// <summary>
/// An open blob. The handle was opened before the footer was read, so a concurrent delete or
/// quarantine cannot swap the bytes under a response already in progress.
/// </summary>
public sealed class BlobReader : IDisposable
{
    private readonly SafeFileHandle _handle;
    private readonly BlobAddress _address;
    private readonly Quarantine _quarantine;
    private readonly int _bufferSize;

    internal BlobReader(SafeFileHandle handle, BlobInfo info, BlobAddress address, Quarantine quarantine, int bufferSize)
    {
        _handle = handle;
        Info = info;
        _address = address;
        _quarantine = quarantine;
        _bufferSize = bufferSize;
    }

    public BlobInfo Info { get; }

    /// <summary>Copies body bytes [offset, offset+count) to <paramref name="destination"/>.</summary>
    public async Task CopyRangeToAsync(Stream destination, long offset, long count, CancellationToken ct)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(offset + count, Info.Size);
        try
        {
            await PumpAsync(destination, offset, count, hash: null, ct);
        }
        catch (TruncatedBlobException)
        {
            _quarantine.Move(_address, "file shorter than its footer says");
            throw;
        }
    }

    /// <summary>
    /// Copies the whole body while hashing it with MD5 (the auditor's and replication's check of
    /// the ETag itself). The last chunk is held back until the MD5 is known: on a mismatch it is
    /// never sent, so the client sees a short body instead of a clean end, and the blob is
    /// quarantined. Returns false on mismatch.
    /// </summary>
    public Task<bool> CopyVerifiedToAsync(Stream destination, CancellationToken ct) => CopyCheckedToAsync(destination, BodyCheck.Md5(Info), ct);

    /// <summary>
    /// As <see cref="CopyVerifiedToAsync"/>, with the cheapest check the footer allows: its
    /// XxHash128 of the body when it has one (a client GET), else MD5.
    /// </summary>
    public Task<bool> CopyCheckedToAsync(Stream destination, CancellationToken ct) => CopyCheckedToAsync(destination, BodyCheck.Cheapest(Info), ct);

    private async Task<bool> CopyCheckedToAsync(Stream destination, BodyCheck check, CancellationToken ct)
    {
        using var hash = check;
        bool ok;
        try
        {
            ok = await PumpAsync(destination, 0, Info.Size, hash, ct);
        }
        catch (TruncatedBlobException)
        {
            ok = false;
        }

        if (!ok)
        {
            _quarantine.Move(_address, hash.IsFast ? "checksum of the body does not match its footer" : "MD5 of the body does not match its ETag");
        }

        return ok;
    }

    public void Dispose() => _handle.Dispose();

    // Reads chunk n+1 while chunk n is being written, so disk and network overlap.
    private async Task<bool> PumpAsync(Stream destination, long offset, long count, BodyCheck? hash, CancellationToken ct)
    {
        var current = ArrayPool<byte>.Shared.Rent(_bufferSize);
        var next = ArrayPool<byte>.Shared.Rent(_bufferSize);
        Task<int>? reading = null;
        try
        {
            var position = offset;
            var end = offset + count;
            var length = await ReadChunkAsync(current, position, end, ct);
            position += length;
            while (true)
            {
                hash?.Append(current.AsSpan(0, length));
                if (position >= end)
                {
                    break;
                }

                reading = ReadChunkAsync(next, position, end, ct);
                await destination.WriteAsync(current.AsMemory(0, length), ct);
                length = await reading;
                reading = null;
                position += length;
                (current, next) = (next, current);
            }

            if (hash is not null && !hash.Matches())
            {
                return false;
            }

            await destination.WriteAsync(current.AsMemory(0, length), ct);
            return true;
        }
        finally
        {
            if (reading is not null)
            {
                // Never hand a buffer back to the pool while a read still fills it.
                try
                {
                    await reading;
                }
                catch (Exception)
                {
                    // The write failure that got us here is the one worth reporting.
                }
            }

            ArrayPool<byte>.Shared.Return(current);
            ArrayPool<byte>.Shared.Return(next);
        }
    }

    private async Task<int> ReadChunkAsync(byte[] buffer, long position, long end, CancellationToken ct)
    {
        var wanted = (int)Math.Min(_bufferSize, end - position);
        var filled = 0;
        while (filled < wanted)
        {
            var read = await RandomAccess.ReadAsync(_handle, buffer.AsMemory(filled, wanted - filled), position + filled, ct);
            if (read == 0)
            {
                throw new TruncatedBlobException();
            }

            filled += read;
        }

        return filled;
    }

    private sealed class TruncatedBlobException() : IOException("Blob file ended before its recorded size.");
}
