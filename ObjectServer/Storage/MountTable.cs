using System.Runtime.InteropServices;
using System.Text;

namespace CloudFs.ObjectServer.Storage;

/// <summary>
/// Whether a directory is a mount point, for the mount check. Asked once per blob request, so
/// the cheap answer comes first: statx's STATX_ATTR_MOUNT_ROOT (Linux 5.8+, one system call).
/// Older kernels fall back to <c>/proc/self/mountinfo</c>, which lists every mount point. Unlike
/// Swift's ismount (st_dev of the directory against its parent's), both also see a bind mount
/// of a directory on the same filesystem.
/// </summary>
public static class MountTable
{
    public const string MountInfoPath = "/proc/self/mountinfo";

    private const int AtFdCwd = -100;
    private const int AtSymlinkNoFollow = 0x100;
    private const uint StatxType = 0x1;
    private const ulong StatxAttrMountRoot = 0x2000;

    // struct statx is the same on every architecture: 256 bytes, stx_attributes at 8 and
    // stx_attributes_mask at 56.
    private const int StatxSize = 256;
    private const int AttributesOffset = 8;
    private const int AttributesMaskOffset = 56;

    private static bool _statxMissing;

    /// <summary>
    /// True when <paramref name="path"/> is a mount point, false when not (a symbolic link never
    /// is, as in Swift; nor is a path that does not exist); null when neither statx nor the mount
    /// table can tell.
    /// </summary>
    public static bool? IsMountPoint(string path)
    {
        if (new DirectoryInfo(path).LinkTarget is not null)
        {
            return false;
        }

        return IsMountRootByStatx(path) ?? IsMountPointByTable(path);
    }

    /// <summary>The fallback: whether <c>/proc/self/mountinfo</c> lists the real path; null when it cannot be read.</summary>
    public static bool? IsMountPointByTable(string path)
    {
        string table;
        try
        {
            table = File.ReadAllText(MountInfoPath);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }

        return RealPath(path) is { } real && ParseMountPoints(table).Contains(real);
    }

    /// <summary>statx's answer, or null when this kernel or libc cannot give it.</summary>
    public static bool? IsMountRootByStatx(string path)
    {
        if (_statxMissing || !OperatingSystem.IsLinux())
        {
            return null;
        }

        var buffer = new byte[StatxSize];
        int result;
        try
        {
            result = Statx(AtFdCwd, path, AtSymlinkNoFollow, StatxType, buffer);
        }
        catch (EntryPointNotFoundException)
        {
            _statxMissing = true; // libc older than 2.28
            return null;
        }

        if (result != 0)
        {
            // ENOENT and friends: not there, so not a mount point. ENOSYS: let the table decide.
            return Marshal.GetLastPInvokeError() == 38 /* ENOSYS */ ? null : false;
        }

        var supported = BitConverter.ToUInt64(buffer, AttributesMaskOffset);
        if ((supported & StatxAttrMountRoot) == 0)
        {
            return null; // kernel older than 5.8
        }

        return (BitConverter.ToUInt64(buffer, AttributesOffset) & StatxAttrMountRoot) != 0;
    }

    /// <summary>
    /// The mount point column (the fifth) of every line. The kernel writes space, tab, newline
    /// and backslash in paths as octal escapes (<c>\040</c>), which are undone here.
    /// </summary>
    public static HashSet<string> ParseMountPoints(string mountInfo)
    {
        ArgumentNullException.ThrowIfNull(mountInfo);
        var points = new HashSet<string>(StringComparer.Ordinal);
        foreach (var line in mountInfo.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var fields = line.Split(' ');
            if (fields.Length >= 5 && fields[4].StartsWith('/'))
            {
                points.Add(Unescape(fields[4]));
            }
        }

        return points;
    }

    /// <summary>Undoes the kernel's <c>\ooo</c> escapes; anything else is kept as written.</summary>
    public static string Unescape(string field)
    {
        ArgumentNullException.ThrowIfNull(field);
        if (!field.Contains('\\', StringComparison.Ordinal))
        {
            return field;
        }

        // Escapes stand for bytes of a UTF-8 path, so decode bytes, not chars.
        var bytes = new List<byte>(field.Length);
        var plain = 0;
        for (var i = 0; i < field.Length; i++)
        {
            if (field[i] == '\\' && IsOctal(field, i + 1))
            {
                bytes.AddRange(Encoding.UTF8.GetBytes(field[plain..i]));
                bytes.Add((byte)Convert.ToInt32(field.Substring(i + 1, 3), 8));
                i += 3;
                plain = i + 1;
            }
        }

        bytes.AddRange(Encoding.UTF8.GetBytes(field[plain..]));
        return Encoding.UTF8.GetString(bytes.ToArray());
    }

    /// <summary>
    /// The path with every symbolic link and <c>..</c> resolved (libc's realpath), as the mount
    /// table spells it; null when it does not exist or cannot be resolved.
    /// </summary>
    public static string? RealPath(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            return null;
        }

        var resolved = RealPathNative(path, IntPtr.Zero);
        if (resolved == IntPtr.Zero)
        {
            return null;
        }

        try
        {
            return Marshal.PtrToStringUTF8(resolved);
        }
        finally
        {
            Free(resolved);
        }
    }

    private static bool IsOctal(string text, int start) =>
        start + 3 <= text.Length && text[start] is >= '0' and <= '3' && text[start + 1] is >= '0' and <= '7' && text[start + 2] is >= '0' and <= '7';

    // DllImport for the same reason as DirectorySync: LibraryImport's string marshalling needs unsafe code.
    [DllImport("libc", EntryPoint = "realpath", SetLastError = true)]
    private static extern IntPtr RealPathNative([MarshalAs(UnmanagedType.LPUTF8Str)] string path, IntPtr resolved);

    [DllImport("libc", EntryPoint = "statx", SetLastError = true)]
    private static extern int Statx(int directoryFd, [MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags, uint mask, byte[] buffer);

    [DllImport("libc", EntryPoint = "free")]
    private static extern void Free(IntPtr pointer);
}
