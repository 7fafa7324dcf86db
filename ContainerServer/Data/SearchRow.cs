namespace CloudFs.ContainerServer.Data;

/// <summary>An object or directory row found by a search, with its container's name; names still in their stored form.</summary>
public sealed class SearchRow
{
    public long Id { get; set; }

    public object? Name { get; set; }

    public object? Path { get; set; }

    public long Bytes { get; set; }

    public string? Hash { get; set; }

    public string? ContentType { get; set; }

    public long Timestamp { get; set; }

    public long ContainerId { get; set; }

    public object? Container { get; set; }
}
