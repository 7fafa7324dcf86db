namespace CloudFs.AccountServer.Core;

/// <summary>What a commit did: the object row, whether it is new, and the blob it stopped naming.</summary>
public sealed record CommitResult(long ObjectId, bool Created, string? ReplacedBlobId);
