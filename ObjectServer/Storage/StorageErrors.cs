namespace CloudFs.ObjectServer.Storage;

/// <summary>Recognises the I/O failures that mean "this device cannot take the write".</summary>
public static class StorageErrors
{
    private const int Enospc = 28;
    private const int Edquot = 122;
    private const int WindowsDiskFull = 112;
    private const int WindowsHandleDiskFull = 39;

    /// <summary>
    /// On Unix .NET puts the raw errno in HResult; on Windows it is an HRESULT wrapping the
    /// Win32 error, so the low 16 bits are compared.
    /// </summary>
    public static bool IsDiskFull(Exception ex)
    {
        if (ex is not IOException io)
        {
            return false;
        }

        var code = io.HResult & 0xFFFF;
        return io.HResult is Enospc or Edquot || code is WindowsDiskFull or WindowsHandleDiskFull;
    }

    /// <summary>True when the filesystem holding <paramref name="directory"/> cannot take <paramref name="bytes"/> more.</summary>
    public static bool HasLessFreeSpaceThan(string directory, long bytes)
    {
        try
        {
            return new DriveInfo(directory).AvailableFreeSpace < bytes;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException)
        {
            return false;
        }
    }
}
