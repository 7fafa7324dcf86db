using System.Runtime.InteropServices;
using System.Text;

namespace CloudFs.ObjectServer.Storage;

/// <summary>
/// The mount points Linux lists in <c>/proc/self/mountinfo</c>, for the mount check. Reading the
/// table (rather than comparing st_dev with the parent's, as Swift's ismount does) also sees a
/// bind mount of a directory on the same filesystem, and needs no stat struct layout.
/// </summary>
public static class MountTable
{
    public const string MountInfoPath = "/proc/self/mountinfo";

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

    [DllImport("libc", EntryPoint = "free")]
    private static extern void Free(IntPtr pointer);
}
