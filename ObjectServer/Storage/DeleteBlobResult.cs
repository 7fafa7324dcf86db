namespace CloudFs.ObjectServer.Storage;

/// <summary>A delete's outcome: the tombstone is written either way, <paramref name="Existed"/> says whether a body was removed.</summary>
public sealed record DeleteBlobResult(bool Existed, DateTimeOffset Timestamp);
