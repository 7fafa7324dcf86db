using System.Runtime.InteropServices;

namespace CloudFs.Common.IO;

/// <summary>
/// fsync on a directory, which .NET has no API for: a rename is only durable once the
/// directory holding the new name is flushed. No-op on Windows (NTFS journals metadata).
/// One helper for every role: the object server's blob directories, the account server's journal.
/// </summary>
public static class DirectorySync
{
    public static void Flush(string directory)
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        var fd = Open(directory, 0 /* O_RDONLY */);
        if (fd < 0)
        {
            throw new IOException($"Cannot open directory {directory} to fsync it (errno {Marshal.GetLastPInvokeError()}).");
        }

        try
        {
            if (Fsync(fd) != 0)
            {
                var errno = Marshal.GetLastPInvokeError();
                throw new IOException($"fsync of directory {directory} failed (errno {errno}).", errno);
            }
        }
        finally
        {
            _ = Close(fd);
        }
    }

    // DllImport rather than LibraryImport: the generated string marshalling needs unsafe code,
    // and this is a few calls per write, nowhere near hot enough to matter.
    [DllImport("libc", EntryPoint = "open", SetLastError = true)]
    private static extern int Open([MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags);

    [DllImport("libc", EntryPoint = "fsync", SetLastError = true)]
    private static extern int Fsync(int fd);

    [DllImport("libc", EntryPoint = "close", SetLastError = true)]
    private static extern int Close(int fd);
}
