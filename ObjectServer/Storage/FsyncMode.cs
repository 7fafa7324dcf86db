namespace CloudFs.ObjectServer.Storage;

/// <summary>How hard a PUT or DELETE pushes its bytes to stable storage before answering.</summary>
public enum FsyncMode
{
    /// <summary>fsync the file before the rename and the directory after it: crash-safe.</summary>
    Always,

    /// <summary>Rely on the page cache: only for tests and benchmarks; a crash can lose acknowledged blobs.</summary>
    Never,
}
