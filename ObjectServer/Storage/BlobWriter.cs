using System.IO.Hashing;
using System.Security.Cryptography;
using CloudFs.Common.IO;
using CloudFs.Common.Results;
using Microsoft.Extensions.Logging;

namespace CloudFs.ObjectServer.Storage;

/// <summary>
/// Streams a request body into a temp file on the blob's device, hashing as it goes, then
/// appends the footer and fsyncs. Any failure deletes the temp file, so nothing half-written
/// survives: the caller only ever renames a complete, verified file. A body of at least
/// <see cref="ObjectServerOptions.DirectWriteMinBytes"/> is written with O_DIRECT (see <see cref="DirectWrites"/>).
/// </summary>
internal sealed partial class BlobWriter(ObjectServerOptions options, ILogger logger)
{
    // Aligned, so that any of them can be written with O_DIRECT. Beyond 64 kept (16 MiB at the
    // default size) a burst's buffers go to the GC.
    private readonly PinnedBlockPool _buffers = new(options.IoBufferSize, maxFree: 64, alignment: DirectIo.Alignment);

    public async Task<Outcome<TempBlob>> WriteAsync(string tempDir, BlobAddress address, PutBlobRequest request, CancellationToken ct)
    {
        var path = Path.Combine(tempDir, $"{address.Id}.{Guid.NewGuid():N}.tmp");
        var keep = false;
        try
        {
            var result = await WriteFileAsync(path, address, request, ct);
            keep = result.IsSuccess;
            return result;
        }
        finally
        {
            if (!keep)
            {
                TryDelete(path);
            }
        }
    }

    private async Task<Outcome<TempBlob>> WriteFileAsync(string path, BlobAddress address, PutBlobRequest request, CancellationToken ct)
    {
        FileStream file;
        var reserve = request.Length is > 0 and var length ? length + BlobFooter.Size : 0;
        try
        {
            file = new FileStream(path, new FileStreamOptions
            {
                Mode = FileMode.CreateNew,
                Access = FileAccess.Write,
                Share = FileShare.None,
                BufferSize = 0, // we write whole chunks; a second buffer would only copy them
                Options = FileOptions.Asynchronous,
                // Reserving the space up front turns "disk full" into an early 507.
                PreallocationSize = reserve,
            });
        }
        catch (IOException) when (reserve > 0 && StorageErrors.HasLessFreeSpaceThan(Path.GetDirectoryName(path)!, reserve))
        {
            // .NET reports a failed preallocation without the errno; the free space tells.
            Log.DiskFull(logger, address.Device, address.ToString());
            return DiskFull(address);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return DeviceFailure(address, ex);
        }

        await using (file)
        {
            using var md5 = IncrementalHash.CreateHash(HashAlgorithmName.MD5);
            var checksum = new XxHash128();
            var direct = new DirectWrites(file, options);
            var copied = await CopyBodyAsync(request, file, direct, md5, checksum, address, ct);
            if (!copied.IsSuccess)
            {
                return copied.Error;
            }

            var size = copied.Value.Total;
            if (request.Length is { } declared && size != declared)
            {
                return new CloudFsError(CloudFsErrorKind.ClientClosedRequest, "Request body shorter than Content-Length");
            }

            var digest = md5.GetHashAndReset();
            var md5Hex = Convert.ToHexStringLower(digest);
            if (request.ExpectedMd5 is { } expected && !string.Equals(expected, md5Hex, StringComparison.Ordinal))
            {
                return new CloudFsError(CloudFsErrorKind.UnprocessableEntity, "ETag does not match the MD5 of the body");
            }

            try
            {
                direct.Stop();
                await file.WriteAsync(BlobFooter.Encode(size, digest, request.Timestamp, checksum.GetCurrentHashAsUInt128()), ct);
                if (options.FsyncMode == FsyncMode.Always)
                {
                    file.Flush(flushToDisk: true);
                }
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                return DeviceFailure(address, ex);
            }

            return new TempBlob(path, new BlobInfo(address.Id, size, md5Hex, request.Timestamp, checksum.GetCurrentHashAsUInt128()));
        }
    }

    // Fills one buffer from the client while the previous one is written to disk. The body's
    // XxHash128 goes in the footer beside its MD5, for cheap verification on GET.
    private async Task<Outcome<CopyTotal>> CopyBodyAsync(PutBlobRequest request, FileStream file, DirectWrites direct, IncrementalHash md5,
        XxHash128 checksum, BlobAddress address, CancellationToken ct)
    {
        var current = _buffers.Rent();
        var spare = _buffers.Rent();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        Task? writing = null;
        long total = 0;
        try
        {
            while (true)
            {
                var filled = await FillAsync(request.Body, current.Memory, timeout, ct);
                if (!filled.IsSuccess)
                {
                    return filled.Error;
                }

                var count = filled.Value.Total;
                total += count;
                if (total > options.MaxObjectSize || (request.Length is { } declared && total > declared))
                {
                    return new CloudFsError(CloudFsErrorKind.RequestEntityTooLarge, "Body exceeds the maximum object size");
                }

                if (writing is not null)
                {
                    var task = writing;
                    writing = null;
                    await task;
                }

                if (count == 0)
                {
                    return new CopyTotal(total);
                }

                var chunk = current.Memory[..(int)count];
                md5.AppendData(chunk.Span);
                checksum.Append(chunk.Span);
                // Every piece but the last fills a whole buffer, so each starts at an aligned offset.
                writing = direct.WriteAsync(chunk, request.Length ?? total, ct);
                (current, spare) = (spare, current);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Only disk writes get here: FillAsync turns client-side failures into results.
            return DeviceFailure(address, ex);
        }
        finally
        {
            if (writing is not null)
            {
                try
                {
                    await writing;
                }
                catch (Exception)
                {
                    // The file is about to be deleted; the first error is the one reported.
                }
            }

            current.Dispose();
            spare.Dispose();
        }
    }

    private async Task<Outcome<CopyTotal>> FillAsync(Stream body, Memory<byte> buffer, CancellationTokenSource timeout, CancellationToken ct)
    {
        var filled = 0;
        try
        {
            while (filled < buffer.Length)
            {
                timeout.CancelAfter(TimeSpan.FromSeconds(options.ClientTimeoutSeconds));
                var read = await body.ReadAsync(buffer[filled..], timeout.Token);
                if (read == 0)
                {
                    break;
                }

                filled += read;
            }

            return new CopyTotal(filled);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return new CloudFsError(CloudFsErrorKind.RequestTimeout, "Timed out reading the request body");
        }
        catch (Exception ex) when (ex is OperationCanceledException or IOException)
        {
            // The client went away or sent a broken body (Kestrel reports both as IOException).
            return new CloudFsError(CloudFsErrorKind.ClientClosedRequest, "Client disconnected while sending the body");
        }
    }

    private CloudFsError DeviceFailure(BlobAddress address, Exception ex)
    {
        if (StorageErrors.IsDiskFull(ex))
        {
            Log.DiskFull(logger, address.Device, address.ToString());
            return DiskFull(address);
        }

        Log.WriteFailed(logger, address.Device, address.ToString(), ex);
        return CloudFsError.InsufficientStorage($"Cannot write to device {address.Device}");
    }

    private static CloudFsError DiskFull(BlobAddress address) =>
        CloudFsError.InsufficientStorage($"No space left on device {address.Device}");

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Startup cleaning of tmp/ catches whatever is left.
        }
    }

    private sealed record CopyTotal(long Total);

    private static partial class Log
    {
        [LoggerMessage(110, LogLevel.Error, "Device {Device} is full; PUT of {Blob} refused and its temp file removed")]
        public static partial void DiskFull(ILogger logger, string device, string blob);

        [LoggerMessage(111, LogLevel.Error, "Write to device {Device} failed for {Blob}")]
        public static partial void WriteFailed(ILogger logger, string device, string blob, Exception ex);
    }
}
