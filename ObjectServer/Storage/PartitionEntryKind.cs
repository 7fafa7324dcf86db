namespace CloudFs.ObjectServer.Storage;

public enum PartitionEntryKind
{
    Blob,
    Tombstone,
}
