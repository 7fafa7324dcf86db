namespace CloudFs.ObjectServer.Auditing;

/// <summary>What one audit pass did; <see cref="End"/> is null while it runs.</summary>
public sealed record AuditPassFigures(DateTimeOffset Start, DateTimeOffset? End, long BlobsChecked, long BytesRead, long Quarantined, long Errors);
