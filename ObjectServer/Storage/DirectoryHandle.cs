using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace CloudFs.ObjectServer.Storage;

/// <summary>
/// An open directory, for syncfs(2), which .NET has no API for: <see cref="File.OpenHandle(string, FileMode, FileAccess, FileShare, FileOptions, long)"/>
/// refuses directories.
/// </summary>
public sealed class DirectoryHandle : SafeHandleMinusOneIsInvalid
{
    private const int ReadOnly = 0; // O_RDONLY
    private const int CloseOnExec = 0x80000; // O_CLOEXEC, the same on x64 and arm64

    private DirectoryHandle()
        : base(ownsHandle: true)
    {
    }

    public static DirectoryHandle Open(string path)
    {
        // open returns a 32-bit int: received as a SafeHandle, -1 would arrive as 0xFFFFFFFF.
        var fd = OpenNative(path, ReadOnly | CloseOnExec);
        if (fd < 0)
        {
            var errno = Marshal.GetLastPInvokeError();
            throw new IOException($"Cannot open directory {path} (errno {errno}).", errno);
        }

        var handle = new DirectoryHandle();
        handle.SetHandle(fd);
        return handle;
    }

    /// <summary>
    /// Writes back every dirty page and inode of the filesystem holding the directory and waits
    /// for the device to have them. Reports a writeback error of that filesystem that happened
    /// since this handle was opened (Linux 5.8 on), once.
    /// </summary>
    public void SyncFileSystem()
    {
        var added = false;
        try
        {
            DangerousAddRef(ref added);
            if (SyncFs((int)handle) != 0)
            {
                var errno = Marshal.GetLastPInvokeError();
                throw new IOException($"syncfs failed (errno {errno}).", errno);
            }
        }
        finally
        {
            if (added)
            {
                DangerousRelease();
            }
        }
    }

    protected override bool ReleaseHandle() => Close((int)handle) == 0;

    // DllImport rather than LibraryImport, as in DirectorySync: the generated string marshalling
    // needs unsafe code.
    [DllImport("libc", EntryPoint = "open", SetLastError = true)]
    private static extern int OpenNative([MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags);

    [DllImport("libc", EntryPoint = "syncfs", SetLastError = true)]
    private static extern int SyncFs(int fd);

    [DllImport("libc", EntryPoint = "close", SetLastError = true)]
    private static extern int Close(int fd);
}
