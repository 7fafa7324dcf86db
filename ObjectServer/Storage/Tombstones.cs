using System.Globalization;
using System.Text;

namespace CloudFs.ObjectServer.Storage;

/// <summary>
/// <c>{id}.ts</c> files: the delete time of a blob, kept so that it can never come back.
/// </summary>
internal sealed class Tombstones(DeviceLayout layout, DeviceDirectories directories, FsyncMode fsync)
{
    /// <summary>The delete time, or null when the blob was never deleted here.</summary>
    public DateTimeOffset? Read(BlobAddress address)
    {
        var path = layout.TombstonePath(address);
        if (!File.Exists(path))
        {
            // Every PUT asks twice, and almost always of a blob never deleted: a stat is far cheaper
            // than the exception File.ReadAllText throws for a missing file.
            return null;
        }

        try
        {
            var text = File.ReadAllText(path).Trim();
            return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var at)
                ? at
                : DateTimeOffset.MinValue; // unreadable, but its presence alone means "deleted"
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }
    }

    /// <summary>Written to tmp/ and renamed, like a blob, so a crash never leaves half a tombstone.</summary>
    public void Write(BlobAddress address, DateTimeOffset when)
    {
        var tempDir = layout.TempDir(address.Device);
        directories.Ensure(tempDir, address.Device);
        var temp = Path.Combine(tempDir, $"{address.Id}.{Guid.NewGuid():N}.ts.tmp");
        try
        {
            using (var file = new FileStream(temp, FileMode.CreateNew, FileAccess.Write))
            {
                file.Write(Encoding.ASCII.GetBytes(when.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture)));
                if (fsync == FsyncMode.Always)
                {
                    file.Flush(flushToDisk: true);
                }
            }

            File.Move(temp, layout.TombstonePath(address), overwrite: true);
        }
        finally
        {
            File.Delete(temp);
        }
    }
}
