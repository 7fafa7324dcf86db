namespace CloudFs.AccountServer.Data;

/// <summary>The columns of a <c>stobj</c> row the account server decides on (names are not read back).</summary>
public sealed class StobjRow
{
    public long Id { get; init; }

    public long? ParentId { get; init; }

    public string Type { get; init; } = "";

    public string State { get; init; } = "enabled";

    public long Size { get; init; }

    public string? Etag { get; init; }

    public string? ContentType { get; init; }

    public string? BlobId { get; init; }

    public long? DeleteAt { get; init; }

    public long XTimestamp { get; init; }

    /// <summary>A container's storage policy; for an object, the policy whose ring holds its blob.</summary>
    public int PolicyIndex { get; init; }

    /// <summary>A static large object's size and ETag as clients see them (null for other rows).</summary>
    public long? SloBytes { get; init; }

    public string? SloEtag { get; init; }

    public bool IsDisabled => State == "disabled";
}
