namespace CloudFs.ObjectServer.Storage;

public enum AuditOutcome
{
    /// <summary>Every byte matched the stored MD5.</summary>
    Verified,

    /// <summary>It did not; the blob was moved to quarantine and now reads as missing.</summary>
    Quarantined,
}
