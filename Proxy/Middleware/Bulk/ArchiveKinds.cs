namespace CloudFs.Proxy.Middleware.Bulk;

/// <summary>Reads the <c>extract-archive</c> value: case-insensitive, dots around it ignored, as in Swift.</summary>
public static class ArchiveKinds
{
    public static ArchiveKind? Parse(string value) => value.ToLowerInvariant().Trim('.') switch
    {
        "tar" => ArchiveKind.Tar,
        "tar.gz" => ArchiveKind.TarGz,
        "tar.bz2" => ArchiveKind.TarBz2,
        _ => null,
    };
}
