namespace CloudFs.ObjectServer.Storage;

/// <summary>A body to store. <paramref name="Length"/> is null for chunked bodies.</summary>
/// <param name="ExpectedMd5">Lowercase hex MD5 the client promised, if any.</param>
public sealed record PutBlobRequest(Stream Body, long? Length, string? ExpectedMd5, DateTimeOffset Timestamp);
