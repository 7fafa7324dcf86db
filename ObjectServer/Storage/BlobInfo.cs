namespace CloudFs.ObjectServer.Storage;

/// <summary>What is known about a stored blob without reading its body.</summary>
public sealed record BlobInfo(BlobId Id, long Size, string Md5Hex, DateTimeOffset Timestamp);
