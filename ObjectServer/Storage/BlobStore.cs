using CloudFs.Common.Results;
using Microsoft.Extensions.Logging;
using Microsoft.Win32.SafeHandles;

namespace CloudFs.ObjectServer.Storage;

/// <summary>
/// The blob files on this node's devices: store, open, delete (leaving a tombstone) and list.
/// HTTP-agnostic: bodies come in and go out as streams, failures as <see cref="CloudFsError"/>.
/// </summary>
public sealed partial class BlobStore
{
    private readonly ObjectServerOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<BlobStore> _logger;
    private readonly Quarantine _quarantine;
    private readonly BlobWriter _writer;
    private readonly DeviceDirectories _directories;
    private readonly Tombstones _tombstones;
    private readonly DeviceCheck _devices;
    private readonly DeviceFlusher _flusher;
    private readonly StripedLock _locks = new();

    public BlobStore(ObjectServerOptions options, DeviceLayout layout, Quarantine quarantine, DeviceCheck devices, TimeProvider time,
        ILogger<BlobStore> logger)
    {
        _options = options ?? throw new ArgumentNullException(nameof(options));
        Layout = layout ?? throw new ArgumentNullException(nameof(layout));
        _quarantine = quarantine ?? throw new ArgumentNullException(nameof(quarantine));
        _devices = devices ?? throw new ArgumentNullException(nameof(devices));
        _time = time ?? throw new ArgumentNullException(nameof(time));
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
        _writer = new BlobWriter(options, logger);
        _directories = new DeviceDirectories(layout, options.FsyncMode);
        _tombstones = new Tombstones(layout, _directories, options.FsyncMode);
        _flusher = new DeviceFlusher(layout, options.FsyncMode);
    }

    /// <summary>
    /// What <see cref="OpenAsync"/> answers for a file whose footer is damaged: it has just been
    /// quarantined, and reads as missing from now on. The auditor counts it as quarantined.
    /// </summary>
    public static CloudFsError DamagedFooter { get; } = CloudFsError.NotFound("Blob had a missing or damaged footer and was quarantined");

    public DeviceLayout Layout { get; }

    public async Task<Outcome<PutBlobResult>> PutAsync(BlobAddress address, PutBlobRequest request, CancellationToken ct)
    {
        if (CheckDevice(address.Device) is { } missing)
        {
            return missing;
        }

        if (request.Length > _options.MaxObjectSize)
        {
            return new CloudFsError(CloudFsErrorKind.RequestEntityTooLarge, $"Body larger than {_options.MaxObjectSize} bytes");
        }

        // Cheap early refusals, repeated under the lock at commit time.
        if (_tombstones.Read(address) is { } deletedAt)
        {
            return Deleted(deletedAt);
        }

        if (request.ExpectedMd5 is { } expected && await ReadInfoAsync(address, ct) is { } existing && existing.Md5Hex != expected)
        {
            return CloudFsError.Conflict("A different blob with this id exists");
        }

        return await DurablyAsync(address, ticket => WriteAndCommitAsync(address, request, ticket, ct), ct);
    }

    public async Task<Outcome<BlobReader>> OpenAsync(BlobAddress address, CancellationToken ct)
    {
        if (CheckDevice(address.Device) is { } missing)
        {
            return missing;
        }

        SafeFileHandle handle;
        try
        {
            handle = File.OpenHandle(Layout.DataPath(address), FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete,
                FileOptions.Asynchronous | FileOptions.SequentialScan);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            return NotFound(address);
        }

        var info = await ReadFooterAsync(handle, address, ct);
        if (info is null)
        {
            handle.Dispose();
            _quarantine.Move(address, "missing or damaged footer");
            return DamagedFooter;
        }

        return new BlobReader(handle, info, address, _quarantine, _options.IoBufferSize);
    }

    /// <summary>
    /// Removes the body and leaves a tombstone, which stops a late replica PUT or a replicator
    /// from bringing the blob back. The tombstone is written even if the body was never here.
    /// </summary>
    public async Task<Outcome<DeleteBlobResult>> DeleteAsync(BlobAddress address, DateTimeOffset? timestamp, CancellationToken ct)
    {
        if (CheckDevice(address.Device) is { } missing)
        {
            return missing;
        }

        var when = timestamp ?? _time.GetUtcNow();
        return await DurablyAsync(address, _ => TombstoneAsync(address, when, ct), ct);
    }

    /// <summary>
    /// Every blob and tombstone in one partition of a device, suffix by suffix, for the replicator
    /// and auditor. Directory listing has no async API, hence a plain enumeration. A partition or
    /// suffix directory removed while the listing runs (a partition handed off, an emptied suffix
    /// cleaned up) just ends or skips that part of it.
    /// </summary>
    public IEnumerable<PartitionEntry> ListPartition(string device, int partition, int policy = 0, IReadOnlySet<string>? suffixes = null)
    {
        var directory = new DirectoryInfo(Layout.PartitionDir(device, partition, policy));
        if (!DeviceName.IsValid(device) || ListOrEmpty(directory.GetDirectories) is not { Length: > 0 } suffixDirs)
        {
            yield break;
        }

        foreach (var suffix in suffixDirs.Where(d => suffixes is null || suffixes.Contains(d.Name)).OrderBy(d => d.Name, StringComparer.Ordinal))
        {
            foreach (var file in ListOrEmpty(suffix.GetFiles).OrderBy(f => f.Name, StringComparer.Ordinal))
            {
                var kind = file.Extension switch
                {
                    DeviceLayout.DataExtension => PartitionEntryKind.Blob,
                    DeviceLayout.TombstoneExtension => PartitionEntryKind.Tombstone,
                    _ => (PartitionEntryKind?)null,
                };
                if (kind is { } k && BlobId.TryParse(Path.GetFileNameWithoutExtension(file.Name), out var id))
                {
                    yield return new PartitionEntry(id, suffix.Name, k);
                }
            }
        }
    }

    private static T[] ListOrEmpty<T>(Func<T[]> list)
    {
        try
        {
            return list();
        }
        catch (DirectoryNotFoundException)
        {
            return [];
        }
    }

    /// <summary>Suffix → hash of its entries, for comparing a partition between replicas.</summary>
    public IReadOnlyDictionary<string, string> HashPartition(string device, int partition, int policy = 0) =>
        PartitionHashes.Compute(ListPartition(device, partition, policy));

    /// <summary><see cref="HashPartition"/> for a peer: a 507 for a device that is missing or not mounted.</summary>
    public Outcome<Dictionary<string, string>> HashPartitionForPeer(string device, int partition, int policy = 0) =>
        !DeviceName.IsValid(device) ? CloudFsError.BadRequest("Invalid device name")
        : CheckDevice(device) is { } unusable ? unusable
        : new Dictionary<string, string>(HashPartition(device, partition, policy), StringComparer.Ordinal);

    /// <summary>
    /// Partition → <see cref="PartitionDigest"/> of every partition of a device that holds anything;
    /// a 507 for a device that is missing or not mounted, so a peer never takes it for empty.
    /// </summary>
    public Outcome<Dictionary<string, string>> DigestPartitions(string device, int policy = 0)
    {
        if (!DeviceName.IsValid(device))
        {
            return CloudFsError.BadRequest("Invalid device name");
        }

        if (CheckDevice(device) is { } unusable)
        {
            return unusable;
        }

        var digests = new Dictionary<string, string>(StringComparer.Ordinal);
        var blobs = Layout.BlobsDir(device, policy);
        if (!Directory.Exists(blobs))
        {
            return digests;
        }

        foreach (var directory in Directory.EnumerateDirectories(blobs))
        {
            var name = Path.GetFileName(directory);
            if (int.TryParse(name, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var partition)
                && HashPartition(device, partition, policy) is { Count: > 0 } hashes)
            {
                digests[name] = PartitionDigest.Compute(hashes);
            }
        }

        return digests;
    }

    /// <summary>When the blob was deleted here, or null when no tombstone exists.</summary>
    public DateTimeOffset? TombstoneTime(BlobAddress address) => _tombstones.Read(address);

    /// <summary>
    /// Removes this device's copy of an entry that every primary now holds (a handoff going home).
    /// Returns false when it was already gone.
    /// </summary>
    public Task<Outcome<bool>> RemoveHandedOffAsync(BlobAddress address, PartitionEntryKind kind, CancellationToken ct) =>
        DurablyAsync(address, _ => RemoveAsync(address, kind, ct), ct);

    private async Task<Outcome<bool>> RemoveAsync(BlobAddress address, PartitionEntryKind kind, CancellationToken ct)
    {
        using var held = await _locks.AcquireAsync(address.Id, ct);
        var path = kind == PartitionEntryKind.Blob ? Layout.DataPath(address) : Layout.TombstonePath(address);
        try
        {
            if (!File.Exists(path))
            {
                return false;
            }

            File.Delete(path);
            _directories.Sync(Layout.SuffixDir(address));
            PruneEmpty(Layout.SuffixDir(address));
            PruneEmpty(Layout.PartitionDir(address.Device, address.Partition, address.Policy));
            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            Log.DeleteFailed(_logger, address.ToString(), ex);
            return CloudFsError.InsufficientStorage($"Cannot write to device {address.Device}");
        }
    }

    /// <summary>
    /// Removes those of the partition's <paramref name="entries"/> (a listing the caller already
    /// took) that are tombstones written before <paramref name="cutoff"/>; returns their ids.
    /// </summary>
    public async Task<HashSet<BlobId>> ReclaimTombstonesAsync(string device, int partition, int policy, IEnumerable<PartitionEntry> entries,
        DateTimeOffset cutoff, CancellationToken ct)
    {
        var reclaimed = new HashSet<BlobId>();
        foreach (var entry in entries.Where(e => e.Kind == PartitionEntryKind.Tombstone))
        {
            var address = new BlobAddress(device, partition, entry.Id, policy);
            using var held = await _locks.AcquireAsync(entry.Id, ct);
            if (_tombstones.Read(address) is { } at && at < cutoff)
            {
                try
                {
                    File.Delete(Layout.TombstonePath(address));
                    reclaimed.Add(entry.Id);
                }
                catch (IOException ex)
                {
                    Log.DeleteFailed(_logger, address.ToString(), ex);
                }
            }
        }

        if (reclaimed.Count > 0)
        {
            foreach (var suffix in new DirectoryInfo(Layout.PartitionDir(device, partition, policy)).EnumerateDirectories())
            {
                PruneEmpty(suffix.FullName);
            }
        }

        return reclaimed;
    }

    // An empty suffix or partition directory is removed so the next listing skips it; one that
    // gained a file in the meantime is simply not empty and stays.
    private static void PruneEmpty(string directory)
    {
        try
        {
            if (Directory.Exists(directory) && !Directory.EnumerateFileSystemEntries(directory).Any())
            {
                Directory.Delete(directory);
            }
        }
        catch (IOException)
        {
            // Not empty any more, or gone already.
        }
    }

    /// <summary>
    /// Runs a write that ends in a rename or delete and, once it succeeded, waits until it is on
    /// stable storage: with <see cref="FsyncMode.Grouped"/> in the device's next group sync (the
    /// write skips its own fsyncs and may wait for an earlier one, as a PUT does before its
    /// rename), otherwise at once (the write fsynced, or nothing does).
    /// </summary>
    private async Task<Outcome<T>> DurablyAsync<T>(BlobAddress address, Func<FlushTicket, Task<Outcome<T>>> write, CancellationToken ct)
    {
        FlushTicket ticket;
        try
        {
            ticket = _flusher.Enter(address.Device);
        }
        catch (IOException ex)
        {
            Log.DeviceUnwritable(_logger, address.Device, ex);
            return CloudFsError.InsufficientStorage($"Device {address.Device} is not writable");
        }

        using (ticket)
        {
            var result = await write(ticket);
            if (!result.IsSuccess)
            {
                return result;
            }

            // The change is in place but maybe not on disk: no 201 or 204 for it. A blob file was
            // synced before its rename; the other replicas hold good copies of anything else.
            return await FlushAsync(ticket, address, ct) is { } unsynced ? unsynced : result;
        }
    }

    private async Task<CloudFsError?> FlushAsync(FlushTicket ticket, BlobAddress address, CancellationToken ct)
    {
        try
        {
            await ticket.FlushAsync(ct);
            return null;
        }
        catch (IOException ex)
        {
            Log.SyncFailed(_logger, address.Device, address.ToString(), ex);
            return CloudFsError.InsufficientStorage($"Cannot write to device {address.Device}");
        }
    }

    private async Task<Outcome<PutBlobResult>> WriteAndCommitAsync(BlobAddress address, PutBlobRequest request, FlushTicket ticket, CancellationToken ct)
    {
        var tempDir = Layout.TempDir(address.Device);
        try
        {
            _directories.Ensure(tempDir, address.Device);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            Log.DeviceUnwritable(_logger, address.Device, ex);
            return CloudFsError.InsufficientStorage($"Device {address.Device} is not writable");
        }

        var written = await _writer.WriteAsync(tempDir, address, request, ct);
        if (!written.IsSuccess)
        {
            return written.Error;
        }

        var renamed = false;
        try
        {
            // A file is renamed into place only once its bytes are on disk, as with per-file fsyncs:
            // after a power loss a .data file is complete or absent, never a name over lost bytes.
            if (await FlushAsync(ticket, address, ct) is { } unsynced)
            {
                return unsynced;
            }

            var committed = await CommitAsync(address, written.Value, ct);
            if (committed.IsSuccess && !committed.Value.AlreadyExisted)
            {
                renamed = true;
                StorageMeter.Committed(committed.Value.Info.Size);
            }

            return committed;
        }
        finally
        {
            // A renamed file is gone from tmp; deleting it anyway cost a failing unlink and a stat.
            if (!renamed)
            {
                File.Delete(written.Value.Path);
            }
        }
    }

    private async Task<Outcome<DeleteBlobResult>> TombstoneAsync(BlobAddress address, DateTimeOffset when, CancellationToken ct)
    {
        using var held = await _locks.AcquireAsync(address.Id, ct);
        try
        {
            _directories.Ensure(Layout.SuffixDir(address), address.Device);
            if (_tombstones.Read(address) is not { } older || older < when)
            {
                _tombstones.Write(address, when);
            }

            var data = Layout.DataPath(address);
            var existed = File.Exists(data);
            if (existed)
            {
                File.Delete(data);
            }

            _directories.Sync(Layout.SuffixDir(address));
            return new DeleteBlobResult(existed, when);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            Log.DeleteFailed(_logger, address.ToString(), ex);
            return CloudFsError.InsufficientStorage($"Cannot write to device {address.Device}");
        }
    }

    private async Task<Outcome<PutBlobResult>> CommitAsync(BlobAddress address, TempBlob temp, CancellationToken ct)
    {
        using var held = await _locks.AcquireAsync(address.Id, ct);
        if (_tombstones.Read(address) is { } deletedAt)
        {
            return Deleted(deletedAt);
        }

        if (await ReadInfoAsync(address, ct) is { } existing)
        {
            return existing.Md5Hex == temp.Info.Md5Hex
                ? new PutBlobResult(existing, AlreadyExisted: true)
                : CloudFsError.Conflict("A different blob with this id exists");
        }

        try
        {
            var suffixDir = Layout.SuffixDir(address);
            _directories.Ensure(suffixDir, address.Device);
            // No .data was there a moment ago, and only a commit holding this id's lock makes
            // one: a plain rename, without the three lstat calls of a move that must not overwrite.
            try
            {
                File.Move(temp.Path, Layout.DataPath(address), overwrite: true);
            }
            catch (DirectoryNotFoundException)
            {
                // The replicator pruned the directory as empty between Ensure and the rename.
                _directories.Ensure(suffixDir, address.Device);
                File.Move(temp.Path, Layout.DataPath(address), overwrite: true);
            }

            _directories.Sync(suffixDir);
            return new PutBlobResult(temp.Info, AlreadyExisted: false);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            Log.CommitFailed(_logger, address.ToString(), ex);
            return CloudFsError.InsufficientStorage($"Cannot write to device {address.Device}");
        }
    }

    private CloudFsError? CheckDevice(string device)
    {
        if (_devices.IsUsable(device))
        {
            return null;
        }

        Log.DeviceMissing(_logger, device);
        return CloudFsError.InsufficientStorage($"Device {device} is not available");
    }

    private async Task<BlobInfo?> ReadInfoAsync(BlobAddress address, CancellationToken ct)
    {
        var path = Layout.DataPath(address);
        if (!File.Exists(path))
        {
            return null; // the usual answer at commit time, without the cost of an exception
        }

        try
        {
            using var handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete);
            return await ReadFooterAsync(handle, address, ct);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }
    }

    private static async Task<BlobInfo?> ReadFooterAsync(SafeFileHandle handle, BlobAddress address, CancellationToken ct)
    {
        var length = RandomAccess.GetLength(handle);
        if (length < BlobFooter.Size)
        {
            return null;
        }

        var footer = new byte[BlobFooter.Size];
        var read = await RandomAccess.ReadAsync(handle, footer, length - BlobFooter.Size, ct);
        return read == BlobFooter.Size && BlobFooter.TryDecode(footer, length, address.Id, out var info) ? info : null;
    }

    private CloudFsError NotFound(BlobAddress address) =>
        _tombstones.Read(address) is { } deletedAt
            ? CloudFsError.NotFound($"Blob was deleted at {deletedAt:O}")
            : CloudFsError.NotFound();

    private static CloudFsError Deleted(DateTimeOffset at) =>
        CloudFsError.Conflict($"Blob was deleted at {at:O} and cannot be stored again");

    private static partial class Log
    {
        [LoggerMessage(120, LogLevel.Error, "Device {Device} is missing (not mounted?)")]
        public static partial void DeviceMissing(ILogger logger, string device);

        [LoggerMessage(121, LogLevel.Error, "Device {Device} is not writable")]
        public static partial void DeviceUnwritable(ILogger logger, string device, Exception ex);

        [LoggerMessage(122, LogLevel.Error, "Could not commit blob {Blob}")]
        public static partial void CommitFailed(ILogger logger, string blob, Exception ex);

        [LoggerMessage(123, LogLevel.Error, "Could not delete blob {Blob}")]
        public static partial void DeleteFailed(ILogger logger, string blob, Exception ex);

        [LoggerMessage(124, LogLevel.Error, "Syncing device {Device} failed; {Blob} not acknowledged")]
        public static partial void SyncFailed(ILogger logger, string device, string blob, Exception ex);
    }
}
