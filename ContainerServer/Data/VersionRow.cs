namespace CloudFs.ContainerServer.Data;

/// <summary>One row of a <c>?versions</c> listing: a current object (type 'object', its version id if it is a real version) or a kept version.</summary>
public sealed class VersionRow
{
    public object? Name { get; set; }

    public long Bytes { get; set; }

    public string? Hash { get; set; }

    public string? ContentType { get; set; }

    public long Timestamp { get; set; }

    public string Type { get; set; } = "";

    public string? VersionId { get; set; }
}
