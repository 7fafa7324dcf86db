namespace CloudFs.ObjectServer.Storage;

/// <summary>How hard a PUT or DELETE pushes its bytes to stable storage before answering.</summary>
public enum FsyncMode
{
    /// <summary>fsync the file before the rename and the directory after it: crash-safe.</summary>
    Always,

    /// <summary>
    /// As crash-safe as <see cref="Always"/>: no answer before the file and its rename are on stable
    /// storage. The writes of concurrent requests share one syncfs(2) of the device's filesystem
    /// (group commit) instead of two fsyncs each. Meant for devices that are filesystems of their own.
    /// </summary>
    Grouped,

    /// <summary>Rely on the page cache: only for tests and benchmarks; a crash can lose acknowledged blobs.</summary>
    Never,
}
