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
