using CloudFs.Common.Results;

namespace CloudFs.ObjectServer.Storage;

/// <summary>
/// Verifies one blob end to end (every byte against the MD5 in its footer) and quarantines it on
/// mismatch. The auditor daemon will call this for each blob it walks; POST ?verify exposes it.
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
}
