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
public sealed class ObjectResolver(CatalogReads catalog, ObjectRepository objects, PreparedReads prepared, TimeProvider time)
{
    public async Task<Outcome<ResolvedObject>> ResolveAsync(BackendPath path, bool isAdmin, CancellationToken ct)
    {
        // The common case in one prepared statement. A large object also reads its segments,
        // which must come from the same snapshot as its row, so it is read again, whole, in a
        // snapshot session.
        var rows = await objects.FindAsync(prepared, path.Account, path.Container!, path.Object!, ObjectAncestors.Of(path.Object!), ct);

        if (rows.Count == 0 || !rows[0].IsComposite)
        {
            return Resolved(rows, isAdmin, null);
        }

        await using var session = await catalog.BeginSnapshotAsync(ct);
        return await ResolveAsync(session, path, isAdmin, null, ct);
    }

    /// <summary>
    /// Object versioning's <c>?version-id=</c>: a kept version, or the current object when it is
    /// that version; "null" is the current object only when it is not a real version. As Swift:
    /// 400 in a container never versioned (except for "null") or for an id that is no timestamp.
    /// </summary>
    public async Task<Outcome<ResolvedObject>> ResolveVersionAsync(BackendPath path, string versionId, bool isAdmin, CancellationToken ct)
    {
        await using var session = await catalog.BeginSnapshotAsync(ct);
        var (exists, versioned) = await objects.ContainerVersioningAsync(session, path.Account, path.Container!, ct);
        if (!exists)
        {
            return CloudFsError.NotFound();
        }

        if (versionId == NullVersion)
        {
            var current = await ResolveAsync(session, path, isAdmin, null, ct);
            return current.IsSuccess && current.Value.Sys.ContainsKey(VersionIdName) ? CloudFsError.NotFound() : current;
        }

        if (!versioned)
        {
            return CloudFsError.BadRequest("version-aware operations require that the container is versioned");
        }

        if (!Timestamp.TryParse(versionId, out var version))
        {
            return CloudFsError.BadRequest("Invalid version parameter");
        }

        var kept = await ResolveAsync(session, path, isAdmin, version.Units, ct);
        if (kept.IsSuccess || kept.Error.Kind != CloudFsErrorKind.NotFound)
        {
            // A delete marker is no object: Swift answers its version 404.
            return kept.IsSuccess && kept.Value.ContentType == DeleteMarkerContentType ? CloudFsError.NotFound() : kept;
        }

        var latest = await ResolveAsync(session, path, isAdmin, null, ct);
        return latest.IsSuccess && latest.Value.Sys.GetValueOrDefault(VersionIdName) == version.ToHeader() ? latest : CloudFsError.NotFound();
    }

    private const string NullVersion = "null";
    private const string VersionIdName = "version-id";
    private const string DeleteMarkerContentType = "application/x-deleted;swift_versions_deleted=1";

    private async Task<Outcome<ResolvedObject>> ResolveAsync(CatalogSession session, BackendPath path, bool isAdmin, long? version, CancellationToken ct)
    {
        var rows = await objects.FindAsync(session, path.Account, path.Container!, path.Object!,
            ObjectAncestors.Of(path.Object!), ct, version);
        var segments = rows.Count > 0 && rows[0].IsComposite ? await objects.SegmentsAsync(session, rows[0].Id, ct) : null;
        return Resolved(rows, isAdmin, segments);
    }

    private Outcome<ResolvedObject> Resolved(IReadOnlyList<ObjectRow> rows, bool isAdmin, IReadOnlyList<SegmentRef>? segments)
    {
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
        return new ResolvedObject(
            CatalogNames.Read(row.Name), row.Bytes, row.Hash, row.ContentType, timestamp.ToIso(), timestamp.ToHeader(),
            row.BlobId, row.DeleteAt, firewalled ? "disabled" : "enabled",
            Metadata(rows, MetadataEntry.User), Metadata(rows, MetadataEntry.Sys), row.PolicyIndex, row.SloBytes, row.SloEtag, segments,
            !string.IsNullOrEmpty(row.ContainerVersioned));
    }

    private static Dictionary<string, string> Metadata(IReadOnlyList<ObjectRow> rows, string kind) =>
        rows.Where(r => r.MetaKind == kind).ToDictionary(r => r.MetaName ?? "", r => r.MetaValue ?? "", StringComparer.Ordinal);
}
