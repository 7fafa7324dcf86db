namespace CloudFs.ObjectServer.Storage;

/// <summary>The result of verifying one blob.</summary>
public sealed record AuditReport(BlobInfo Info, AuditOutcome Outcome);
