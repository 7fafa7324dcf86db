using CloudFs.AccountServer.Data;
using CloudFs.Catalog;
using CloudFs.Common.Results;

namespace CloudFs.AccountServer.Core;

/// <summary>
/// Move and copy of objects and whole directories, within an account, as single catalog
/// transactions: readers see the tree before or after, never half-moved; no blob is copied
/// (copies share blobs, which the collector frees only when nothing names them).
/// </summary>
public sealed class MoveCopyService(CatalogWork work, NamespaceLocator locator, NamespaceRepository names, SubtreeRepository tree, MetadataRepository metadata,
    QuotaRepository quotas, GarbageRepository garbage, SegmentRepository segments, RecordRepository records, VersionRepository versions, TimeProvider time)
{
    public Task<Outcome<TreeChange>> MoveAsync(WriteContext ctx, string account, string fromContainer, string fromName, string toContainer, string toName, CancellationToken ct) =>
        RunAsync(ctx, account, fromContainer, fromName, toContainer, toName, copy: false, ct);

    public Task<Outcome<TreeChange>> CopyAsync(WriteContext ctx, string account, string fromContainer, string fromName, string toContainer, string toName, CancellationToken ct) =>
        RunAsync(ctx, account, fromContainer, fromName, toContainer, toName, copy: true, ct);

    private Task<Outcome<TreeChange>> RunAsync(WriteContext ctx, string account, string fromContainer, string fromName, string toContainer, string toName, bool copy, CancellationToken ct) =>
        work.RunAsync<Outcome<TreeChange>>(async (session, token) =>
        {
            var wantsDirectory = fromName.EndsWith('/');
            var from = ObjectPath.Parse(fromName.TrimEnd('/'));
            var to = ObjectPath.Parse(toName.TrimEnd('/'));
            if (from.FullName.Length == 0 || to.FullName.Length == 0)
            {
                return CloudFsError.BadRequest("Source and destination must name an object or a directory.");
            }

            var source = await locator.LocateAsync(session, ctx, account, fromContainer, from, create: false, token);
            if (source.Error is not null)
            {
                return source.Error;
            }

            var obj = wantsDirectory || source.Parent is null ? null : await names.FindChildAsync(session, source.Parent.Value, "object", from.Leaf, true, token);
            var dir = obj is not null || source.Parent is null ? null : await names.FindChildAsync(session, source.Parent.Value, "directory", from.Leaf, true, token);
            if (obj is null && dir is null)
            {
                return CloudFsError.NotFound();
            }

            if (Access.Blocks(ctx.Caller, obj) || Access.Blocks(ctx.Caller, dir))
            {
                return Access.Forbidden();
            }

            if (dir is not null && fromContainer == toContainer && (to.FullName == from.FullName || to.FullName.StartsWith(from.FullName + "/", StringComparison.Ordinal)))
            {
                return CloudFsError.Conflict("Cannot move or copy a directory into itself.");
            }

            var target = await locator.LocateAsync(session, ctx, account, toContainer, to, create: true, token);
            if (target.Error is not null)
            {
                return target.Error;
            }

            var type = obj is not null ? "object" : "directory";
            var existing = await names.FindChildAsync(session, target.Parent!.Value, type, to.Leaf, true, token);
            if (existing is not null && (dir is not null || !copy))
            {
                return CloudFsError.Conflict($"Destination {toContainer}/{to.FullName} exists.");
            }

            var now = time.GetUtcNow().ToUnixTimeMilliseconds();
            var moved = obj is not null
                ? await ObjectAsync(session, ctx, source, target, obj, existing, copy, now, token)
                : await DirectoryAsync(session, ctx, source, target, dir!, copy, now, token);
            if (!moved.IsSuccess)
            {
                return moved;
            }

            await records.InsertAsync(session, new OperationRecord
            {
                UserId = ctx.Caller.UserId,
                Account = account,
                Action = $"{type}.{(copy ? "copy" : "move")}",
                Path = $"/{fromContainer}/{from.FullName}",
                StobjId = (obj ?? dir)!.Id,
                Size = moved.Value.Bytes,
                TransId = ctx.TransId,
                Result = 201,
                Detail = $"/{toContainer}/{to.FullName} ({moved.Value.Objects} objects)",
                CreatedAt = now,
            }, token);
            await session.CommitAsync(token);
            return moved;
        }, ct);

    private async Task<Outcome<TreeChange>> ObjectAsync(CatalogSession session, WriteContext ctx, NamespacePlace source, NamespacePlace target, StobjRow obj,
        StobjRow? existing, bool copy, long now, CancellationToken ct)
    {
        var sameContainer = source.Container!.Id == target.Container!.Id;
        var addBytes = obj.Size - (existing?.Size ?? 0);
        var addObjects = existing is null ? 1 : 0;
        if ((copy || !sameContainer) && await QuotaRefusesAsync(session, target, addBytes, addObjects, copy, ct))
        {
            return new CloudFsError(CloudFsErrorKind.RequestEntityTooLarge, "Upload exceeds quota.");
        }

        if (copy)
        {
            var row = new NewStobj(target.Parent!.Value, target.Account!.Id, target.Container.Id, target.Path.Leaf, target.Path.FullName, "object",
                ctx.Timestamp.Units, obj.Size, obj.Etag, obj.ContentType, obj.BlobId, obj.DeleteAt, obj.PolicyIndex, obj.SloBytes, obj.SloEtag);
            var id = await names.UpsertObjectAsync(session, existing, row, now, ct);
            if (existing?.BlobId is { } old && old != obj.BlobId)
            {
                await garbage.EnqueueAsync(session, [old], now, ct);
            }

            // A large object's copy shares its pieces, as any copy shares its blob.
            await garbage.EnqueueAsync(session, await segments.ShareAsync(session, existing?.Id, obj.Id, id, ct), now, ct);

            foreach (var kind in new[] { MetadataRepository.User, MetadataRepository.Sys })
            {
                await metadata.ReplaceAsync(session, id, kind, await metadata.LoadAsync(session, obj.Id, kind, ct), ct);
            }
        }
        else
        {
            await tree.MoveRowAsync(session, obj.Id, target.Parent!.Value, target.Path.Leaf, target.Path.FullName, target.Container.Id, now, ct);
            await names.PruneEmptyDirectoriesAsync(session, source.DirectoryIds, ct);
        }

        await AdjustUsageAsync(session, source, target, obj.Size, addBytes, addObjects, copy, ct);
        return new TreeChange("object", 1, obj.Size);
    }

    private async Task<Outcome<TreeChange>> DirectoryAsync(CatalogSession session, WriteContext ctx, NamespacePlace source, NamespacePlace target, StobjRow dir,
        bool copy, long now, CancellationToken ct)
    {
        var fromPath = source.Path.FullName;
        // Kept versions (object versioning) belong to their names where they are; a copy leaves them, a move would strand them.
        if (!copy && await versions.AnyBelowAsync(session, source.Container!.Id, fromPath, ct))
        {
            return CloudFsError.Conflict("Delete all versions below this directory before moving it.");
        }

        var (bytes, objects) = await names.UsageBelowAsync(session, source.Container!.Id, fromPath, ct);
        var sameContainer = source.Container.Id == target.Container!.Id;
        if ((copy || !sameContainer) && await QuotaRefusesAsync(session, target, bytes, objects, copy, ct))
        {
            return new CloudFsError(CloudFsErrorKind.RequestEntityTooLarge, "Upload exceeds quota.");
        }

        if (copy)
        {
            var top = await names.EnsureChildAsync(session, new NewStobj(target.Parent!.Value, target.Account!.Id, target.Container.Id, target.Path.Leaf,
                target.Path.FullName, "directory", ctx.Timestamp.Units), now, ct);
            var map = new Dictionary<long, long> { [dir.Id] = top.Row.Id };
            await tree.CopyObjectsAsync(session, dir.Id, top.Row.Id, target.Container.Id, fromPath, target.Path.FullName, ctx.Timestamp.Units, now, ct);
            foreach (var sub in await tree.DirectoriesBelowAsync(session, source.Container.Id, fromPath, ct))
            {
                var newPath = target.Path.FullName + sub.Path[fromPath.Length..];
                var created = await names.EnsureChildAsync(session, new NewStobj(map[sub.ParentId], target.Account.Id, target.Container.Id,
                    newPath[(newPath.LastIndexOf('/') + 1)..], newPath, "directory", ctx.Timestamp.Units), now, ct);
                map[sub.Id] = created.Row.Id;
                await tree.CopyObjectsAsync(session, sub.Id, created.Row.Id, target.Container.Id, fromPath, target.Path.FullName, ctx.Timestamp.Units, now, ct);
            }
        }
        else
        {
            await tree.MoveRowAsync(session, dir.Id, target.Parent!.Value, target.Path.Leaf, target.Path.FullName, target.Container.Id, now, ct);
            await tree.RewriteSubtreeAsync(session, source.Container.Id, fromPath, target.Container.Id, target.Path.FullName, ct);
            await names.PruneEmptyDirectoriesAsync(session, source.DirectoryIds, ct);
        }

        await AdjustUsageAsync(session, source, target, bytes, bytes, objects, copy, ct);
        return new TreeChange("directory", objects, bytes);
    }

    private async Task<bool> QuotaRefusesAsync(CatalogSession session, NamespacePlace target, long bytes, long objects, bool copy, CancellationToken ct)
    {
        var (account, container) = await quotas.LockPairAsync(session, target.Account!.Id, target.Container!.Id, ct);
        return (copy && !QuotaPolicy.Allows(account, bytes, objects)) || !QuotaPolicy.Allows(container, bytes, objects);
    }

    // A move between containers shifts usage; a copy adds it (moves stay inside one account).
    private async Task AdjustUsageAsync(CatalogSession session, NamespacePlace source, NamespacePlace target, long size, long addBytes, long addObjects, bool copy, CancellationToken ct)
    {
        if (copy)
        {
            var added = UsageDelta.Used(addBytes, addObjects);
            await quotas.AddToPairAsync(session, target.Account!.Id, target.Container!.Id, added, ct);
        }
        else if (source.Container!.Id != target.Container!.Id)
        {
            var moved = UsageDelta.Used(size, addObjects);
            await quotas.AddAsync(session, source.Container.Id, -moved, ct);
            await quotas.AddAsync(session, target.Container.Id, moved, ct);
        }
    }
}
