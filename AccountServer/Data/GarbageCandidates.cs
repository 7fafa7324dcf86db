namespace CloudFs.AccountServer.Data;

/// <summary>A page of blobs the collector may delete: queued and named by no row.</summary>
public sealed record GarbageCandidates(IReadOnlyList<string> BlobIds, string? NextMarker);
