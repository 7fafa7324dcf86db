using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace CloudFs.Common.IO;

/// <summary>
/// An open directory, for the two syncs .NET has no API for: fsync of a directory (a rename is
/// only durable once the directory holding the new name is flushed) and syncfs(2).
/// <see cref="File.OpenHandle(string, FileMode, FileAccess, FileShare, FileOptions, long)"/> refuses directories.
/// </summary>
public sealed class DirectoryHandle : SafeHandleMinusOneIsInvalid
{
    private const int ReadOnly = 0; // O_RDONLY
    private const int CloseOnExec = 0x80000; // O_CLOEXEC, the same on x64 and arm64

    private string _path = "";

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

        var handle = new DirectoryHandle { _path = path };
        handle.SetHandle(fd);
        return handle;
    }

    /// <summary>fsync of the directory: its entries (new names, removed names) are on disk.</summary>
    public void Flush() => Call(FsyncNative, "fsync");

    /// <summary>
    /// Writes back every dirty page and inode of the filesystem holding the directory and waits
    /// for the device to have them. Reports a writeback error of that filesystem that happened
    /// since this handle was opened (Linux 5.8 on), once.
    /// </summary>
    public void SyncFileSystem() => Call(SyncFsNative, "syncfs");

    protected override bool ReleaseHandle() => CloseNative((int)handle) == 0;

    private void Call(Func<int, int> call, string name)
    {
        var added = false;
        try
        {
            DangerousAddRef(ref added);
            if (call((int)handle) != 0)
            {
                var errno = Marshal.GetLastPInvokeError();
                throw new IOException($"{name} of directory {_path} failed (errno {errno}).", errno);
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

    // DllImport rather than LibraryImport: the generated string marshalling needs unsafe code,
    // and these are a few calls per write, nowhere near hot enough to matter.
    [DllImport("libc", EntryPoint = "open", SetLastError = true)]
    private static extern int OpenNative([MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags);

    [DllImport("libc", EntryPoint = "fsync", SetLastError = true)]
    private static extern int FsyncNative(int fd);

    [DllImport("libc", EntryPoint = "syncfs", SetLastError = true)]
    private static extern int SyncFsNative(int fd);

    [DllImport("libc", EntryPoint = "close", SetLastError = true)]
    private static extern int CloseNative(int fd);
}
