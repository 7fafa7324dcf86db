namespace CloudFs.AccountServer.Data;

/// <summary>A blob some row names, with the storage policy whose object ring holds it.</summary>
public sealed class NamedBlob
{
    public string BlobId { get; set; } = "";

    public int PolicyIndex { get; set; }
}
