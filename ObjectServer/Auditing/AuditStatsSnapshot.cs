namespace CloudFs.ObjectServer.Auditing;

/// <summary>A consistent copy of <see cref="AuditStats"/> for /recon/auditor.</summary>
public sealed record AuditStatsSnapshot(AuditPassFigures? LastPass, AuditPassFigures? CurrentPass, AuditTotals Totals);
