namespace CloudFs.Proxy.Middleware.Bulk;

/// <summary>The archive formats <c>?extract-archive=</c> accepts, as Swift names them.</summary>
public enum ArchiveKind
{
    Tar,
    TarGz,
    TarBz2,
}
