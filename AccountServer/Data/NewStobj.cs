namespace CloudFs.AccountServer.Data;

/// <summary>
/// Values for a new (or rewritten) <c>stobj</c> row. <see cref="PolicyIndex"/>: a container's storage
/// policy, or for an object the policy whose ring holds its blob. <see cref="SloBytes"/> and
/// <see cref="SloEtag"/>: a static large object's size and ETag (the row's own are its manifest's).
/// </summary>
public sealed record NewStobj(
    long ParentId,
    long? AccountId,
    long? ContainerId,
    string Name,
    string Path,
    string Type,
    long XTimestamp,
    long Size = 0,
    string? Etag = null,
    string? ContentType = null,
    string? BlobId = null,
    long? DeleteAt = null,
    int PolicyIndex = 0,
    long? SloBytes = null,
    string? SloEtag = null);
