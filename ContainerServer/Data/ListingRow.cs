namespace CloudFs.ContainerServer.Data;

/// <summary>An object or container row of a listing page, name still in its stored form.</summary>
public sealed class ListingRow
{
    public object? Name { get; set; }

    public long Bytes { get; set; }

    public long Count { get; set; }

    public string? Hash { get; set; }

    public string? ContentType { get; set; }

    public long Timestamp { get; set; }

    public string? SloEtag { get; set; }
}
