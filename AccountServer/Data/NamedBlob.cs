namespace CloudFs.AccountServer.Data;

/// <summary>A blob some row names, with what it should hold.</summary>
public sealed class NamedBlob
{
    public string BlobId { get; init; } = "";

    public long Size { get; init; }

    public string? Etag { get; init; }
}
