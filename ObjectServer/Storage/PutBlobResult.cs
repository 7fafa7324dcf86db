namespace CloudFs.ObjectServer.Storage;

/// <summary>A stored blob; <paramref name="AlreadyExisted"/> when an identical copy was already there.</summary>
public sealed record PutBlobResult(BlobInfo Info, bool AlreadyExisted);
