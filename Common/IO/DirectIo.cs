using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace CloudFs.Common.IO;

/// <summary>
/// O_DIRECT switched on and off on an open file (Linux), which .NET has no option for. A write
/// with O_DIRECT goes from the caller's memory to the device: no copy into the page cache, and no
/// dirty pages for a later fsync to write. It takes memory, offset and length that are multiples of
/// <see cref="Alignment"/>, so a writer turns it off before a last, shorter piece.
/// </summary>
public static class DirectIo
{
    /// <summary>The alignment used for direct writes: the largest logical block size of common devices.</summary>
    public const int Alignment = 4096;

    private const int GetFlags = 3; // F_GETFL
    private const int SetFlags = 4; // F_SETFL

    // O_DIRECT differs between architectures (asm-generic and x86 on one side, arm on the other).
    private static readonly int s_direct = RuntimeInformation.ProcessArchitecture switch
    {
        Architecture.X64 or Architecture.X86 => 0x4000,
        Architecture.Arm64 or Architecture.Arm => 0x10000,
        _ => 0,
    };

    /// <summary>
    /// Turns O_DIRECT on or off. False where that is not possible: not Linux, an unknown
    /// architecture, or a filesystem without direct I/O (the kernel refuses the flag with EINVAL).
    /// </summary>
    public static bool TrySet(SafeFileHandle file, bool on)
    {
        ArgumentNullException.ThrowIfNull(file);
        if (!OperatingSystem.IsLinux() || s_direct == 0)
        {
            return false;
        }

        var flags = Fcntl(file, GetFlags, 0);
        if (flags < 0)
        {
            return false;
        }

        var wanted = on ? flags | s_direct : flags & ~s_direct;
        return wanted == flags || Fcntl(file, SetFlags, wanted) == 0;
    }

    /// <summary>Whether O_DIRECT is on (false where it cannot be).</summary>
    public static bool IsOn(SafeFileHandle file)
    {
        ArgumentNullException.ThrowIfNull(file);
        return OperatingSystem.IsLinux() && s_direct != 0 && Fcntl(file, GetFlags, 0) is var flags && flags >= 0 && (flags & s_direct) != 0;
    }

    [DllImport("libc", EntryPoint = "fcntl", SetLastError = true)]
    private static extern int Fcntl(SafeFileHandle file, int command, int argument);
}
