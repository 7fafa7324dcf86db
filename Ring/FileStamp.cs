namespace CloudFs.Ring;

/// <summary>What "the file changed" means for a reload: another mtime or another size.</summary>
internal readonly record struct FileStamp(long LastWriteTicks, long Length)
{
    public static FileStamp Of(string path)
    {
        var info = new FileInfo(path);
        return info.Exists ? new FileStamp(info.LastWriteTimeUtc.Ticks, info.Length) : default;
    }
}
