using CloudFs.AccountServer.Data;
using CloudFs.Catalog;
using CloudFs.Common.Results;
using CloudFs.Common.Time;

namespace CloudFs.AccountServer.Core.Versioning;

/// <summary>
/// Swift's legacy versioned_writes, done in the catalog inside the write's own transaction: an
/// overwritten object is archived into the versions container as a second row naming the same
/// blob (no byte moves, unlike Swift's GET+PUT); a stack-mode DELETE gives the name back to the
/// newest archive the same way; a history-mode DELETE archives and leaves a blob-less delete
/// marker. Archives count in the versions container's usage, as Swift's copies do, without a
/// quota check (Swift's copies bypass the quota middlewares too).
/// </summary>
public sealed class LegacyVersioning(NamespaceLocator locator, NamespaceRepository names, MetadataRepository metadata, QuotaRepository quotas,
    GarbageRepository garbage, SegmentRepository segments, ArchiveRepository archives, ObjectRemover remover, RecordRepository records)
{
    /// <summary>The container's system values holding the setting (Swift: container sysmeta versions-location / versions-mode).</summary>
    public const string LocationName = "versions-location";
    public const string ModeName = "versions-mode";

    /// <summary>The container's legacy setting: versions container name and mode; null when versioning is off.</summary>
    public static (string Container, LegacyVersionsMode Mode)? Setting(IReadOnlyDictionary<string, string> sys)
    {
        ArgumentNullException.ThrowIfNull(sys);
        if (!sys.TryGetValue(LocationName, out var location) || location.Length == 0)
        {
            return null;
        }

        // Stored as the client sent it; Swift unquotes it and keeps what comes before a '/'.
        var container = Uri.UnescapeDataString(location).Split('/')[0];
        return (container, sys.GetValueOrDefault(ModeName) == "history" ? LegacyVersionsMode.History : LegacyVersionsMode.Stack);
    }

    /// <summary>Archives <paramref name="current"/> (the row at <paramref name="place"/>) under its own timestamp; 412 when the versions container cannot take it.</summary>
    public Task<CloudFsError?> ArchiveAsync(CatalogSession session, WriteContext ctx, NamespacePlace place, StobjRow current, string versionsContainer,
        long now, CancellationToken ct) =>
        CopyRowAsync(session, ctx, place.AccountName, versionsContainer, ArchiveNames.For(place.Path.FullName, new Timestamp(current.XTimestamp)),
            current, now, ct);

    /// <summary>
    /// A DELETE of the name at <paramref name="place"/> in a versioned container, before the plain
    /// delete. True: answered here (stack mode gave the name back to an archive; commit and answer
    /// 204). False: go on with the plain delete. An error: roll back and answer it.
    /// </summary>
    public async Task<Outcome<bool>> BeforeDeleteAsync(CatalogSession session, WriteContext ctx, NamespacePlace place, StobjRow? current,
        (string Container, LegacyVersionsMode Mode) setting, long now, CancellationToken ct)
    {
        if (setting.Mode == LegacyVersionsMode.History)
        {
            if (current is not null && await ArchiveAsync(session, ctx, place, current, setting.Container, now, ct) is { } failed)
            {
                return failed;
            }

            var marker = new StobjRow { Size = 0, Etag = ArchiveNames.EmptyEtag, ContentType = ArchiveNames.DeleteMarkerContentType };
            var marked = await CopyRowAsync(session, ctx, place.AccountName, setting.Container, ArchiveNames.For(place.Path.FullName, ctx.Timestamp),
                marker, now, ct);
            return marked is null ? false : marked;
        }

        return await PopAsync(session, ctx, place, current, setting.Container, now, ct);
    }

    // Stack mode: the newest archive becomes the object again and leaves the versions container.
    // A newest delete marker (left by history mode) means "deleted": with no current object, the
    // version below it is restored and the marker removed, as Swift does.
    private async Task<Outcome<bool>> PopAsync(CatalogSession session, WriteContext ctx, NamespacePlace place, StobjRow? current, string versionsContainer,
        long now, CancellationToken ct)
    {
        var folder = await locator.LocateAsync(session, ctx, place.AccountName, versionsContainer,
            ObjectPath.Parse(ArchiveNames.Prefix(place.Path.FullName)), create: false, ct);
        if (folder.Error is not null || folder.Parent is null)
        {
            // No versions container or no archives: Swift's listing finds nothing, the delete goes on.
            return false;
        }

        var stack = await archives.NewestFirstAsync(session, folder.Parent.Value, ct);
        if (stack.Count == 0)
        {
            return false;
        }

        if (!IsMarker(stack[0]))
        {
            return await RestoreAsync(session, ctx, place, stack[0], folder, now, ct);
        }

        if (current is not null)
        {
            // Deleting the object that sits on a marker takes it back to the "deleted" state.
            return false;
        }

        if (stack.Skip(1).FirstOrDefault() is { } below && !IsMarker(below)
            && await RestoreAsync(session, ctx, place, below, folder, now, ct) is { IsSuccess: false } failed)
        {
            return failed;
        }

        await RemoveArchiveAsync(session, ctx, stack[0], folder, now, ct);
        return true;
    }

    private async Task<Outcome<bool>> RestoreAsync(CatalogSession session, WriteContext ctx, NamespacePlace place, StobjRow archive, NamespacePlace folder,
        long now, CancellationToken ct)
    {
        if (await CopyRowAsync(session, ctx, place.AccountName, place.ContainerName, place.Path.FullName, archive, now, ct) is { } failed)
        {
            return failed;
        }

        // The archive's blob is named by the restored row now; the collector checks that before freeing anything.
        await RemoveArchiveAsync(session, ctx, archive, folder, now, ct);
        return true;
    }

    private Task RemoveArchiveAsync(CatalogSession session, WriteContext ctx, StobjRow archive, NamespacePlace folder, long now, CancellationToken ct) =>
        remover.RemoveAsync(session, ObjectRemoval.Of(archive, new RowOwners(folder.Account!.Id, folder.Container!.Id, folder.AccountName), folder.DirectoryIds),
            AccountService.Record(ctx, folder.AccountName, "object.delete", $"/{folder.ContainerName}/{folder.Path.FullName}", archive.Id, 204, now, archive.Size),
            ct);

    /// <summary>Writes a row like <paramref name="source"/> (blob, size, ETag, type, expiry, metadata) at a name, stamped with the request's timestamp.</summary>
    private async Task<CloudFsError?> CopyRowAsync(CatalogSession session, WriteContext ctx, string account, string container, string name, StobjRow source,
        long now, CancellationToken ct)
    {
        var path = ObjectPath.Parse(name);
        var target = await locator.LocateAsync(session, ctx, account, container, path, create: true, ct);
        if (target.Error is not null)
        {
            // Swift's copy into a missing or forbidden versions container is a client error, answered 412.
            return new CloudFsError(CloudFsErrorKind.PreconditionFailed);
        }

        var existing = await names.FindChildAsync(session, target.Parent!.Value, "object", path.Leaf, forUpdate: true, ct);
        var row = new NewStobj(target.Parent.Value, target.Account!.Id, target.Container!.Id, path.Leaf, path.FullName, "object", ctx.Timestamp.Units,
            source.Size, source.Etag, source.ContentType, source.BlobId, source.DeleteAt, source.PolicyIndex, source.SloBytes, source.SloEtag);
        var id = await names.UpsertObjectAsync(session, existing, row, now, ct);
        // A large object's version keeps its pieces, as the version keeps its blob.
        await garbage.EnqueueAsync(session, await segments.ShareAsync(session, existing?.Id, source.Id, id, ct), now, ct);

        var (user, sys) = source.Id == 0
            ? (new Dictionary<string, string>(), new Dictionary<string, string>())
            : (await metadata.LoadAsync(session, source.Id, MetadataRepository.User, ct), await metadata.LoadAsync(session, source.Id, MetadataRepository.Sys, ct));
        await metadata.WriteObjectAsync(session, id, user, sys, rowIsNew: false, ct);

        await quotas.LockPairAsync(session, target.Account!.Id, target.Container!.Id, ct);
        var added = UsageDelta.Used(source.Size - (existing?.Size ?? 0), existing is null ? 1 : 0);
        await quotas.AddToPairAsync(session, target.Account.Id, target.Container.Id, added, ct);
        if (existing?.BlobId is { } old && old != source.BlobId)
        {
            await garbage.EnqueueAsync(session, [old], now, ct);
        }

        await records.InsertAsync(session, AccountService.Record(ctx, account, "object.put", $"/{container}/{name}", id, 201, now, source.Size), ct);
        return null;
    }

    private static bool IsMarker(StobjRow row) => row.ContentType == ArchiveNames.DeleteMarkerContentType;
}
