namespace CloudFs.AccountServer.Core;

/// <summary>What a commit did: the object row, whether it is new, and the blob it stopped naming.</summary>
public sealed record CommitResult(long ObjectId, bool Created, string? ReplacedBlobId)
{
    /// <summary>Object versioning: the version id the new row got (null: none, or the "null" version).</summary>
    public string? VersionId { get; init; }
}
