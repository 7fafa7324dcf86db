using CloudFs.ObjectServer.Storage;

namespace CloudFs.ObjectServer;

/// <summary>The <c>ObjectServer</c> section of object-server.json.</summary>
public sealed class ObjectServerOptions
{
    public const string Section = "ObjectServer";

    /// <summary>Swift's max_file_size: 5 GiB + 2 bytes.</summary>
    public const long DefaultMaxObjectSize = (5L * 1024 * 1024 * 1024) + 2;

    /// <summary>Directory holding one subdirectory (mount point) per device.</summary>
    public string DevicesRoot { get; set; } = "var/object/devices";

    /// <summary>device_full fires for a device whose filesystem is fuller than this, in percent of its size.</summary>
    public double DeviceFullPercent { get; set; } = 90;

    /// <summary>Largest blob a PUT may store, in bytes.</summary>
    public long MaxObjectSize { get; set; } = DefaultMaxObjectSize;

    /// <summary>How blob files and their renames reach stable storage before a 201.</summary>
    public FsyncMode FsyncMode { get; set; } = FsyncMode.Always;

    /// <summary>Longest wait for the next piece of a PUT body before answering 408 (Swift's client_timeout).</summary>
    public int ClientTimeoutSeconds { get; set; } = 60;

    /// <summary>Hash whole-blob GETs while sending and quarantine on mismatch.</summary>
    public bool VerifyOnFullRead { get; set; } = true;

    /// <summary>Size of each read/write chunk in bytes.</summary>
    public int IoBufferSize { get; set; } = 256 * 1024;

    /// <summary>
    /// Bodies of at least this many bytes are written with O_DIRECT, past the page cache (0: never).
    /// Saves the copy into the page cache and keeps large bodies from evicting what is read often;
    /// a GET of such a blob then reads it from the device. 5 MiB is Swift's keep_cache_size, the
    /// size above which its object server keeps no object in the page cache either.
    /// </summary>
    public long DirectWriteMinBytes { get; set; } = 5 * 1024 * 1024;

    /// <summary>Delete leftovers in every device's tmp/ directory at startup.</summary>
    public bool CleanTempOnStartup { get; set; } = true;

    /// <summary>
    /// Swift's mount_check: a device directory that is not a mount point counts as missing (507,
    /// skipped by the daemons). Off for development clusters on plain directories; on in production.
    /// </summary>
    public bool MountCheck { get; set; }

    /// <summary>Seconds between garbage-collection passes (blobs no catalog row names); 0 turns collection off.</summary>
    public int GarbageIntervalSeconds { get; set; } = 300;
}
