namespace CloudFs.ObjectServer.Storage;

/// <summary>One file found when listing a partition: a blob body or a tombstone.</summary>
public sealed record PartitionEntry(BlobId Id, string Suffix, PartitionEntryKind Kind);
