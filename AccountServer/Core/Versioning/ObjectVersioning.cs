using CloudFs.AccountServer.Data;
using CloudFs.Catalog;
using CloudFs.Common.Results;
using CloudFs.Common.Time;

namespace CloudFs.AccountServer.Core.Versioning;

/// <summary>
/// Swift's object versioning (X-Versions-Enabled) in the catalog. The current version stays the
/// object's own row (a GET needs no indirection), tagged with its version id; older versions and
/// delete markers are 'version' rows beside it (<see cref="VersionRepository"/>) naming the same
/// blob, so keeping a version moves no bytes. Versions count in the bytes of their container and
/// account, not in the object counts, as Swift's container HEAD shows them (current objects only,
/// every version's bytes). Everything runs inside the caller's transaction.
/// </summary>
public sealed class ObjectVersioning(NamespaceRepository names, MetadataRepository metadata, QuotaRepository quotas, GarbageRepository garbage,
    SegmentRepository segments, RecordRepository records, VersionRepository versions)
{
    /// <summary>Container system values: the switch as Swift shows it ("True"/"False"), and "versions were ever kept".</summary>
    public const string EnabledName = "versions-enabled";
    public const string VersionedName = "versions-kept";

    /// <summary>Object system value: the current row's version id (absent: the "null" version).</summary>
    public const string VersionIdName = "version-id";

    public const string NullVersion = "null";

    /// <summary>A container's versioning, from its system values (one load serves both modes).</summary>
    public static VersioningState State(IReadOnlyDictionary<string, string> sys)
    {
        ArgumentNullException.ThrowIfNull(sys);
        return !sys.ContainsKey(VersionedName) ? VersioningState.Off
            : sys.GetValueOrDefault(EnabledName) == "True" ? VersioningState.Enabled : VersioningState.Suspended;
    }

    /// <summary>The version id a row carries (null: the "null" version).</summary>
    public async Task<string?> VersionOfAsync(CatalogSession session, long rowId, CancellationToken ct) =>
        (await metadata.LoadAsync(session, rowId, MetadataRepository.Sys, ct)).GetValueOrDefault(VersionIdName);

    /// <summary>
    /// Before a PUT replaces <paramref name="current"/> (live, or null): keeps it as a version when
    /// versioning is on, or when it is a real version (its data must outlive the overwrite); the
    /// version id the new row gets (null when versioning is off or suspended).
    /// </summary>
    public async Task<string?> BeforeOverwriteAsync(CatalogSession session, WriteContext ctx, NamespacePlace place, StobjRow? current, VersioningState state,
        long now, CancellationToken ct)
    {
        if (state == VersioningState.Off)
        {
            return null;
        }

        await KeepCurrentAsync(session, ctx, place, current, state, now, ct);
        return state == VersioningState.Enabled ? ctx.Timestamp.ToHeader() : null;
    }

    /// <summary>
    /// Before a plain DELETE of <paramref name="current"/> (live, or null): keeps it as
    /// <see cref="BeforeOverwriteAsync"/> does and, with versioning on, writes a delete marker; the
    /// marker's version id (null when none was written).
    /// </summary>
    public async Task<string?> BeforeDeleteAsync(CatalogSession session, WriteContext ctx, NamespacePlace place, StobjRow? current, VersioningState state,
        long now, CancellationToken ct)
    {
        if (state == VersioningState.Off)
        {
            return null;
        }

        await KeepCurrentAsync(session, ctx, place, current, state, now, ct);
        if (state != VersioningState.Enabled || place.Parent is not { } parent)
        {
            return null;
        }

        var marker = new StobjRow { Size = 0, Etag = ArchiveNames.EmptyEtag, ContentType = ArchiveNames.DeleteMarkerContentType };
        await WriteVersionAsync(session, ctx, place, parent, marker, ctx.Timestamp, now, ct);
        return ctx.Timestamp.ToHeader();
    }

    /// <summary>
    /// DELETE ?version-id=: removes that version; when it is the current one, the object row
    /// itself goes (and nothing becomes current, as in Swift). Null when the version does not exist.
    /// </summary>
    public async Task<Outcome<VersionDeletion>> DeleteVersionAsync(CatalogSession session, WriteContext ctx, NamespacePlace place, StobjRow? current,
        string versionId, ObjectRemover remover, long now, CancellationToken ct)
    {
        if (!Timestamp.TryParse(versionId, out var version))
        {
            return CloudFsError.BadRequest("Invalid version parameter");
        }

        var owners = new RowOwners(place.Account!.Id, place.Container!.Id, place.AccountName);
        var currentVersion = current is null ? null : await VersionOfAsync(session, current.Id, ct);
        if (current is not null && currentVersion == version.ToHeader())
        {
            await remover.RemoveAsync(session, ObjectRemoval.Of(current, owners, place.DirectoryIds),
                AccountService.Record(ctx, place.AccountName, "object.delete", $"/{place.ContainerName}/{place.Path.FullName}", current.Id, 204, now, current.Size),
                ct);
            return new VersionDeletion(true, version.ToHeader(), NullVersion);
        }

        var row = place.Parent is { } parent ? await versions.FindAsync(session, parent, VersionName(place.Path.Leaf, version), ct) : null;
        if (row is null)
        {
            return new VersionDeletion(false, version.ToHeader(), currentVersion ?? NullVersion);
        }

        // A version holds bytes but no object count (see the class comment).
        var removal = new ObjectRemoval(row.Id, owners, UsageDelta.Used(row.Size, 0), row.BlobId is { } blob ? [blob] : [], place.DirectoryIds);
        await remover.RemoveAsync(session, removal,
            AccountService.Record(ctx, place.AccountName, "version.delete", $"/{place.ContainerName}/{place.Path.FullName}", row.Id, 204, now, row.Size), ct);
        return new VersionDeletion(true, version.ToHeader(), current is null ? NullVersion : currentVersion ?? NullVersion);
    }

    /// <summary>
    /// PUT ?version-id= (empty body): that kept version becomes the current object again, as
    /// Swift's object_versioning re-points the name at it. A current real version is kept; a
    /// current "null" version is replaced, as in Swift. The restored object's ETag.
    /// </summary>
    public async Task<Outcome<string>> RestoreAsync(CatalogSession session, WriteContext ctx, NamespacePlace place, StobjRow? current, StobjRow? existing,
        string versionId, ObjectRemover remover, long now, CancellationToken ct)
    {
        if (!Timestamp.TryParse(versionId, out var version))
        {
            return CloudFsError.BadRequest("Invalid version parameter");
        }

        var currentVersion = current is null ? null : await VersionOfAsync(session, current.Id, ct);
        if (current is not null && currentVersion == version.ToHeader())
        {
            return current.Etag ?? "";
        }

        var kept = place.Parent is { } parent ? await versions.FindAsync(session, parent, VersionName(place.Path.Leaf, version), ct) : null;
        if (kept is null || kept.ContentType == ArchiveNames.DeleteMarkerContentType)
        {
            return CloudFsError.Plain(CloudFsErrorKind.NotFound, "The specified version does not exist");
        }

        await KeepCurrentAsync(session, ctx, place, current, VersioningState.Suspended, now, ct);
        var row = new NewStobj(place.Parent!.Value, place.Account!.Id, place.Container!.Id, place.Path.Leaf, place.Path.FullName, "object",
            ctx.Timestamp.Units, kept.Size, kept.Etag, kept.ContentType, kept.BlobId, null, kept.PolicyIndex, kept.SloBytes, kept.SloEtag);
        // Rewritten in place when a row is there (an expired one included), as a commit does.
        var id = await names.UpsertObjectAsync(session, existing, row, now, ct);
        await garbage.EnqueueAsync(session, await segments.ShareAsync(session, existing?.Id, kept.Id, id, ct), now, ct);
        var user = await metadata.LoadAsync(session, kept.Id, MetadataRepository.User, ct);
        var sys = await metadata.LoadAsync(session, kept.Id, MetadataRepository.Sys, ct);
        sys[VersionIdName] = version.ToHeader();
        await metadata.WriteObjectAsync(session, id, user, sys, rowIsNew: false, ct);

        await quotas.LockPairAsync(session, place.Account!.Id, place.Container!.Id, ct);
        var added = UsageDelta.Used(kept.Size - (existing?.Size ?? 0), existing is null ? 1 : 0);
        await quotas.AddToPairAsync(session, place.Account.Id, place.Container.Id, added, ct);
        if (existing?.BlobId is { } old && old != kept.BlobId && (current is null || currentVersion is null))
        {
            await garbage.EnqueueAsync(session, [old], now, ct);
        }

        // The version is the object now: its row leaves with its bytes (the blob stays named by the object).
        var owners = new RowOwners(place.Account.Id, place.Container.Id, place.AccountName);
        await remover.RemoveAsync(session, new ObjectRemoval(kept.Id, owners, UsageDelta.Used(kept.Size, 0), [], place.DirectoryIds),
            AccountService.Record(ctx, place.AccountName, "version.restore", $"/{place.ContainerName}/{place.Path.FullName}", id, 201, now, kept.Size), ct);
        return kept.Etag ?? "";
    }

    private async Task KeepCurrentAsync(CatalogSession session, WriteContext ctx, NamespacePlace place, StobjRow? current, VersioningState state,
        long now, CancellationToken ct)
    {
        if (current is null)
        {
            return;
        }

        var versionId = await VersionOfAsync(session, current.Id, ct);
        // A "null" version is kept only while versioning is on, under its own timestamp (Swift's _copy_current).
        if (versionId is null && state != VersioningState.Enabled)
        {
            return;
        }

        var version = versionId is not null && Timestamp.TryParse(versionId, out var parsed) ? parsed : new Timestamp(current.XTimestamp);
        await WriteVersionAsync(session, ctx, place, current.ParentId ?? place.Parent!.Value, current, version, now, ct);
    }

    private async Task WriteVersionAsync(CatalogSession session, WriteContext ctx, NamespacePlace place, long parentId, StobjRow source, Timestamp version,
        long now, CancellationToken ct)
    {
        var name = VersionName(place.Path.Leaf, version);
        var existing = await versions.FindAsync(session, parentId, name, ct);
        var row = new NewStobj(parentId, place.Account!.Id, place.Container!.Id, name, place.Path.FullName, VersionRepository.Type, version.Units,
            source.Size, source.Etag, source.ContentType, source.BlobId, null, source.PolicyIndex, source.SloBytes, source.SloEtag);
        var id = await names.UpsertObjectAsync(session, existing, row, now, ct);
        // A large object's version keeps its pieces, as any version keeps its blob.
        await garbage.EnqueueAsync(session, await segments.ShareAsync(session, existing?.Id, source.Id, id, ct), now, ct);
        var (user, sys) = source.Id == 0
            ? (new Dictionary<string, string>(), new Dictionary<string, string>())
            : (await metadata.LoadAsync(session, source.Id, MetadataRepository.User, ct), await metadata.LoadAsync(session, source.Id, MetadataRepository.Sys, ct));
        sys.Remove(VersionIdName);
        await metadata.WriteObjectAsync(session, id, user, sys, rowIsNew: false, ct);

        await quotas.LockPairAsync(session, place.Account!.Id, place.Container!.Id, ct);
        var added = UsageDelta.Used(source.Size - (existing?.Size ?? 0), 0);
        await quotas.AddToPairAsync(session, place.Account.Id, place.Container.Id, added, ct);
        if (existing?.BlobId is { } old && old != source.BlobId)
        {
            await garbage.EnqueueAsync(session, [old], now, ct);
        }

        await records.InsertAsync(session, AccountService.Record(ctx, place.AccountName, "version.put", $"/{place.ContainerName}/{place.Path.FullName}",
            id, 201, now, source.Size), ct);
    }

    /// <summary>A version row's name: unique beside the object's own row, since a leaf never holds '/'.</summary>
    public static string VersionName(string leaf, Timestamp version) => leaf + "/" + version.ToHeader();
}
