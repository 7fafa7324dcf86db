namespace CloudFs.ContainerServer.Data;

/// <summary>An object row joined with its account, container and metadata (one row per metadata entry).</summary>
public sealed class ObjectRow
{
    public long Id { get; set; }

    public object? Name { get; set; }

    public long Bytes { get; set; }

    public string? Hash { get; set; }

    public string? ContentType { get; set; }

    public string? BlobId { get; set; }

    public long? DeleteAt { get; set; }

    public long XTimestamp { get; set; }

    /// <summary>The storage policy whose object ring holds the blob.</summary>
    public int PolicyIndex { get; set; }

    /// <summary>A static large object's size and ETag as clients see them.</summary>
    public long? SloBytes { get; set; }

    public string? SloEtag { get; set; }

    /// <summary>
    /// A body made of pieces: a static large object (its blob is the manifest) or a byte-free copy
    /// of one (no blob of its own). An empty row without a blob is a versioning delete marker.
    /// </summary>
    public bool IsComposite => SloBytes is not null || (BlobId is null && Bytes > 0);

    public string State { get; set; } = "";

    public string AccountState { get; set; } = "";

    public string ContainerState { get; set; } = "";

    public long DisabledAncestors { get; set; }

    public string? MetaKind { get; set; }

    public string? MetaName { get; set; }

    public string? MetaValue { get; set; }

    /// <summary>The container's 'versions-kept' system value: object versioning was enabled there once.</summary>
    public string? ContainerVersioned { get; set; }
}
