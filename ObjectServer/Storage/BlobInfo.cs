namespace CloudFs.ObjectServer.Storage;

/// <summary>What is known about a stored blob without reading its body.</summary>
/// <param name="BodyChecksum">XxHash128 of the body, kept in the footer so a GET can verify the body
/// cheaply; null for blobs written before it existed (those are verified by MD5).</param>
public sealed record BlobInfo(BlobId Id, long Size, string Md5Hex, DateTimeOffset Timestamp, UInt128? BodyChecksum = null);
