using System.IO.MemoryMappedFiles;
using System.Runtime.InteropServices;

namespace CloudFs.UnitTests.ObjectServer;

/// <summary>How much of a file is in the page cache, by mincore(2) on a mapping of it (Linux).</summary>
internal static class PageCache
{
    public static int ResidentPages(string path)
    {
        var length = new FileInfo(path).Length;
        using var map = MemoryMappedFile.CreateFromFile(path, FileMode.Open, null, 0, MemoryMappedFileAccess.Read);
        using var view = map.CreateViewAccessor(0, length, MemoryMappedFileAccess.Read);
        var pages = new byte[(length + Environment.SystemPageSize - 1) / Environment.SystemPageSize];
        // Mapping faults nothing in; mincore only reports, so the count is the writer's doing.
        if (Mincore(view.SafeMemoryMappedViewHandle.DangerousGetHandle(), (nuint)length, pages) != 0)
        {
            throw new IOException($"mincore failed (errno {Marshal.GetLastPInvokeError()}).");
        }

        return pages.Count(page => (page & 1) != 0);
    }

    [DllImport("libc", EntryPoint = "mincore", SetLastError = true)]
    private static extern int Mincore(IntPtr address, nuint length, byte[] pages);
}
