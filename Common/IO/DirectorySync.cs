namespace CloudFs.Common.IO;

/// <summary>
/// fsync on a directory: a rename is only durable once the directory holding the new name is
/// flushed. No-op on Windows (NTFS journals metadata). One helper for every role: the object
/// server's blob directories, the account server's journal.
/// </summary>
public static class DirectorySync
{
    public static void Flush(string directory)
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        using var handle = DirectoryHandle.Open(directory);
        handle.Flush();
    }
}
