using CloudFs.Catalog;
using CloudFs.Common.Contracts;
using CloudFs.Common.Paths;
using CloudFs.Common.Results;
using CloudFs.Common.Time;
using CloudFs.ContainerServer.Data;

namespace CloudFs.ContainerServer.Core;

/// <summary>
/// Resolves account/container/object to its catalog row in one indexed query. Missing,
/// expired (delete_at at or before now) and, for non-admins, firewalled names (a disabled
/// account, container, ancestor directory or object row) are all simply not found.
/// </summary>
public sealed class ObjectResolver(CatalogReads catalog, ObjectRepository objects, TimeProvider time)
{
    public async Task<Outcome<ResolvedObject>> ResolveAsync(BackendPath path, bool isAdmin, CancellationToken ct)
    {
        await using var session = await catalog.BeginAsync(ct);

        var rows = await objects.FindAsync(session, path.Account, path.Container!, path.Object!,
            ObjectAncestors.Of(path.Object!), ct);
        if (rows.Count == 0)
        {
            return CloudFsError.NotFound();
        }

        var row = rows[0];
        var firewalled = row.AccountState != "enabled" || row.ContainerState != "enabled" || row.State != "enabled" || row.DisabledAncestors > 0;
        if ((firewalled && !isAdmin) || row.DeleteAt <= time.GetUtcNow().ToUnixTimeSeconds())
        {
            return CloudFsError.NotFound();
        }

        var timestamp = new Timestamp(row.XTimestamp);
        var segments = row.IsComposite ? await objects.SegmentsAsync(session, row.Id, ct) : null;
        return new ResolvedObject(
            CatalogNames.Read(row.Name), row.Bytes, row.Hash, row.ContentType, timestamp.ToIso(), timestamp.ToHeader(),
            row.BlobId, row.DeleteAt, firewalled ? "disabled" : "enabled",
            Metadata(rows, MetadataEntry.User), Metadata(rows, MetadataEntry.Sys), row.PolicyIndex, row.SloBytes, row.SloEtag, segments);
    }

    private static Dictionary<string, string> Metadata(IReadOnlyList<ObjectRow> rows, string kind) =>
        rows.Where(r => r.MetaKind == kind).ToDictionary(r => r.MetaName ?? "", r => r.MetaValue ?? "", StringComparer.Ordinal);
}
