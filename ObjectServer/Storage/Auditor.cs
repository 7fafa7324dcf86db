using CloudFs.Common.Results;

namespace CloudFs.ObjectServer.Storage;

/// <summary>
/// Verifies one blob end to end (every byte against the MD5 in its footer) and quarantines it on
/// mismatch. POST ?verify calls <see cref="VerifyAsync"/>; the auditor daemon (Auditing/) calls
/// <see cref="AuditAsync"/> for each blob it walks.
/// </summary>
public sealed class Auditor(BlobStore store)
{
    public async Task<Outcome<AuditReport>> VerifyAsync(BlobAddress address, CancellationToken ct)
    {
        var opened = await store.OpenAsync(address, ct);
        if (!opened.IsSuccess)
        {
            return opened.Error;
        }

        using var reader = opened.Value;
        var ok = await reader.CopyVerifiedToAsync(Stream.Null, ct);
        return new AuditReport(reader.Info, ok ? AuditOutcome.Verified : AuditOutcome.Quarantined);
    }

    /// <summary>
    /// Reads the blob's body into <paramref name="sink"/> (which may pace and count the bytes) and
    /// checks it. A damaged footer is quarantined on open and reported as
    /// <see cref="AuditOutcome.Quarantined"/> too. A blob that is not there (deleted or quarantined
    /// since it was listed) is a 404 error; a device that became unusable a 507.
    /// </summary>
    public async Task<Outcome<AuditOutcome>> AuditAsync(BlobAddress address, Stream sink, CancellationToken ct)
    {
        var opened = await store.OpenAsync(address, ct);
        if (!opened.IsSuccess)
        {
            return opened.Error == BlobStore.DamagedFooter ? AuditOutcome.Quarantined : opened.Error;
        }

        using var reader = opened.Value;
        return await reader.CopyVerifiedToAsync(sink, ct) ? AuditOutcome.Verified : AuditOutcome.Quarantined;
    }
}
