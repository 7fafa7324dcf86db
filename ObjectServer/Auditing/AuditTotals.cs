namespace CloudFs.ObjectServer.Auditing;

/// <summary>Everything the auditor did since the server started, the running pass included.</summary>
public sealed record AuditTotals(long PassesCompleted, long BlobsChecked, long BytesRead, long Quarantined, long Errors);
