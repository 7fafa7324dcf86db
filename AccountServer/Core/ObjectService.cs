using System.Security.Cryptography;
using CloudFs.AccountServer.Core.Versioning;
using CloudFs.AccountServer.Data;
using CloudFs.Catalog;
using CloudFs.Common.Contracts;
using CloudFs.Common.Results;
using Microsoft.Extensions.Options;

namespace CloudFs.AccountServer.Core;

/// <summary>
/// Object rows: admission (quota room reserved before the body is sent), commit of name →
/// blob, metadata POST and delete. Each is one transaction with its usage change and its
/// operation record, so listings, counts and quotas never lag the write.
/// </summary>
public sealed class ObjectService(CatalogWork work, NamespaceLocator locator, NamespaceRepository names, MetadataRepository metadata, QuotaRepository quotas,
    ReservationRepository reservations, GarbageRepository garbage, SegmentRepository segments, RecordRepository records, ObjectRemover remover,
    LegacyVersioning legacyVersions, ObjectVersioning objectVersions, VersionRepository versionRows, ObjectCommitReads commitReads,
    IOptions<AccountServerOptions> options, TimeProvider time)
{
    /// <summary>Admits an upload of <paramref name="length"/> bytes (-1: unknown) and reserves its room.</summary>
    /// <remarks>
    /// Without a quota on the account or the container there is no room to hold, and the admission
    /// only reads: no write transaction, no fsync. The commit checks the quota all the same, so
    /// one set while such an upload runs is still never exceeded (the commit is refused).
    /// </remarks>
    public async Task<Outcome<Admission>> AdmitAsync(WriteContext ctx, string account, string container, string name, long length, CancellationToken ct) =>
        await work.ReadAsync((session, token) => AdmitUnlimitedAsync(session, ctx, account, container, name, token), ct)
            ?? await AdmitReservingAsync(ctx, account, container, name, length, ct);

    // The admission's answer when neither quota row has a limit; null when one has (reserve instead).
    private async Task<Outcome<Admission>?> AdmitUnlimitedAsync(CatalogSession session, WriteContext ctx, string account, string container, string name,
        CancellationToken ct)
    {
        var place = await locator.LocateAsync(session, ctx, account, container, ObjectPath.Parse(name), create: false, ct);
        if (place.Error is not null)
        {
            return place.Error;
        }

        var existing = place.Parent is null ? null : await names.FindChildAsync(session, place.Parent.Value, "object", place.Path.Leaf, false, ct);
        if (Access.Blocks(ctx.Caller, existing))
        {
            return Access.Forbidden();
        }

        foreach (var id in new[] { place.Account!.Id, place.Container!.Id })
        {
            if (await quotas.FindAsync(session, id, ct) is { } quota && (quota.MaxBytes is not null || quota.MaxObjects is not null))
            {
                return null;
            }
        }

        return new Admission("", place.Container.PolicyIndex);
    }

    private Task<Outcome<Admission>> AdmitReservingAsync(WriteContext ctx, string account, string container, string name, long length, CancellationToken ct) =>
        work.RunAsync<Outcome<Admission>>(async (session, token) =>
        {
            var place = await locator.LocateAsync(session, ctx, account, container, ObjectPath.Parse(name), create: false, token);
            if (place.Error is not null)
            {
                return place.Error;
            }

            var existing = place.Parent is null ? null : await names.FindChildAsync(session, place.Parent.Value, "object", place.Path.Leaf, false, token);
            if (Access.Blocks(ctx.Caller, existing))
            {
                return Access.Forbidden();
            }

            var now = time.GetUtcNow().ToUnixTimeMilliseconds();
            await ReleaseExpiredAsync(session, place.Account!.Id, now, token);
            var bytes = Math.Max(0, length);
            var objects = existing is null ? 1 : 0;
            var (accountQuota, containerQuota) = await quotas.LockPairAsync(session, place.Account!.Id, place.Container!.Id, token);
            if (!QuotaPolicy.Allows(accountQuota, bytes, objects) || !QuotaPolicy.Allows(containerQuota, bytes, objects))
            {
                return new CloudFsError(CloudFsErrorKind.RequestEntityTooLarge, "Upload exceeds quota.");
            }

            var reservation = new Reservation
            {
                Id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)),
                AccountId = place.Account.Id,
                ContainerId = place.Container.Id,
                Bytes = bytes,
                Objects = objects,
                ExpiresAt = now + (options.Value.ReservationLifeSeconds * 1000L),
            };
            await reservations.InsertAsync(session, reservation, token);
            var held = UsageDelta.Reserved(bytes, objects);
            await quotas.AddToPairAsync(session, place.Account.Id, place.Container.Id, held, token);
            await session.CommitAsync(token);
            return new Admission(reservation.Id, place.Container.PolicyIndex);
        }, ct);

    /// <summary>Points the name at a new blob; the blob it replaces (if any) is returned and queued for collection.</summary>
    public async Task<Outcome<CommitResult>> CommitAsync(WriteContext ctx, string account, string container, string name, ObjectCommit commit, CancellationToken ct)
    {
        var outcome = await work.RunAsync<Outcome<CommitResult>>(async (session, token) =>
        {
            var path = ObjectPath.Parse(name);
            var now = time.GetUtcNow().ToUnixTimeMilliseconds();
            if (commit.ReservationId is { } reservationId)
            {
                await ReleaseAsync(session, reservationId, token);
            }

            var (place, snapshot) = await LocateForCommitAsync(session, ctx, account, container, path, commit, token);
            var written = place.Error is null
                ? await WriteObjectAsync(session, ctx, place, snapshot!, commit, now, token)
                : place.Error;
            if (written.IsSuccess)
            {
                await session.CommitAsync(token);
            }

            // A refused commit rolls back whole (the session ends without committing).
            return written;
        }, ct);

        // ...but still frees the room its admission held and queues the blobs it named, in a
        // transaction of its own: a refused or lost commit leaks neither. (A copy names its
        // source's blob; queuing it is harmless, the collector only takes blobs no row names.)
        return outcome.IsSuccess ? outcome : await ReleaseAndQueueAsync(commit.ReservationId, BlobsOf(commit), outcome.Error, ct);
    }

    /// <summary>
    /// An admitted upload that will not be committed (the proxy's abandon): its reservation is
    /// released and the blobs it wrote are queued for collection, at once.
    /// </summary>
    public async Task AbandonAsync(string? reservationId, IReadOnlyList<string> blobIds, CancellationToken ct) =>
        await ReleaseAndQueueAsync(reservationId, blobIds, CloudFsError.Conflict("Abandoned."), ct);

    /// <summary>Every blob a commit names: its own and its pieces'.</summary>
    internal static IReadOnlyList<string> BlobsOf(ObjectCommit commit) =>
        new[] { commit.BlobId }.Concat(commit.Composite?.Segments.Select(s => s.BlobId) ?? []).Where(id => id.Length > 0).Distinct(StringComparer.Ordinal).ToList();

    public Task<Outcome<bool>> UpdateAsync(WriteContext ctx, string account, string container, string name, ObjectUpdate update, CancellationToken ct) =>
        work.RunAsync<Outcome<bool>>(async (session, token) =>
        {
            var path = ObjectPath.Parse(name);
            var place = await locator.LocateAsync(session, ctx, account, container, path, create: false, token);
            if (place.Error is not null)
            {
                return place.Error;
            }

            var now = time.GetUtcNow();
            var row = place.Parent is null ? null : await names.FindChildAsync(session, place.Parent.Value, "object", path.Leaf, true, token);
            if (row is null || IsExpired(row, now))
            {
                return CloudFsError.NotFound();
            }

            if (Access.Blocks(ctx.Caller, row))
            {
                return Access.Forbidden();
            }

            var change = new MetadataChange(update.Metadata, []);
            if (MetadataRules.Validate(change, update.Metadata) is { } invalid)
            {
                return invalid;
            }

            await metadata.ReplaceAsync(session, row.Id, MetadataRepository.User, update.Metadata, token);
            foreach (var (key, value) in update.System)
            {
                await metadata.SetAsync(session, row.Id, MetadataRepository.Sys, key, value, token);
            }

            var deleteAt = update.DeleteAt switch { null => row.DeleteAt, 0 => null, var at => at };
            await names.SetObjectAttributesAsync(session, row.Id, update.ContentType ?? row.ContentType, deleteAt,
                Math.Max(row.XTimestamp, ctx.Timestamp.Units), now.ToUnixTimeMilliseconds(), token);
            await records.InsertAsync(session, AccountService.Record(ctx, account, "object.post", $"/{container}/{name}", row.Id, 202,
                now.ToUnixTimeMilliseconds()), token);
            await session.CommitAsync(token);
            return true;
        }, ct);

    /// <summary>
    /// Removes the name. In a versioned container the answer says which version the DELETE
    /// names; <paramref name="versionId"/> (DELETE ?version-id=) removes one version instead.
    /// </summary>
    public Task<Outcome<VersionDeletion>> DeleteAsync(WriteContext ctx, string account, string container, string name, CancellationToken ct,
        string? versionId = null) =>
        work.RunAsync<Outcome<VersionDeletion>>(async (session, token) =>
        {
            var path = ObjectPath.Parse(name);
            var (place, read) = await LocateForDeleteAsync(session, ctx, account, container, path, token);
            if (place.Error is not null)
            {
                return place.Error;
            }

            var now = time.GetUtcNow();
            var (row, containerSys, removal) = read!;
            if (row is not null && Access.Blocks(ctx.Caller, row))
            {
                return Access.Forbidden();
            }

            if (row is not null && row.XTimestamp > ctx.Timestamp.Units)
            {
                return CloudFsError.Conflict("A newer write of this object exists.");
            }

            var live = row is not null && !IsExpired(row, now) ? row : null;
            var state = ObjectVersioning.State(containerSys);
            if (versionId is not null && versionId != ObjectVersioning.NullVersion)
            {
                if (state == VersioningState.Off)
                {
                    return CloudFsError.BadRequest("version-aware operations require that the container is versioned");
                }

                var removed = await objectVersions.DeleteVersionAsync(session, ctx, place, live, versionId, remover, now.ToUnixTimeMilliseconds(), token);
                if (removed.IsSuccess)
                {
                    await session.CommitAsync(token);
                }

                return removed;
            }

            // Legacy versioning: archives and markers (history) or the newest archive back (stack).
            var legacy = versionId is null ? LegacyVersioning.Setting(containerSys) : null;
            if (legacy is { } setting)
            {
                var handled = await legacyVersions.BeforeDeleteAsync(session, ctx, place, live, setting, now.ToUnixTimeMilliseconds(), token);
                if (!handled.IsSuccess || handled.Value)
                {
                    if (handled.IsSuccess)
                    {
                        await session.CommitAsync(token);
                    }

                    return handled.IsSuccess ? new VersionDeletion(true, null) : handled.Error;
                }
            }

            // Object versioning keeps the current version and writes a delete marker. ?version-id=null deletes the current
            // object without a marker; a real version's data is kept all the same (in Swift only its symlink goes).
            var keeping = versionId is null || state == VersioningState.Off ? state : VersioningState.Suspended;
            var marker = await objectVersions.BeforeDeleteAsync(session, ctx, place, live, keeping, now.ToUnixTimeMilliseconds(), token);
            if (row is null)
            {
                // A marker stays even when there was nothing to delete, as in Swift.
                if (legacy is not null || marker is not null)
                {
                    await session.CommitAsync(token);
                }

                return marker is null ? CloudFsError.NotFound() : new VersionDeletion(false, marker);
            }

            var expired = IsExpired(row, now);
            // What the remover reads, read with the row, unless versioning wrote since (with it
            // off, no marker and no kept version were written).
            await remover.RemoveAsync(session, ObjectRemoval.Of(row, Owners(place), place.DirectoryIds),
                AccountService.Record(ctx, account, "object.delete", $"/{container}/{name}", row.Id, expired ? 404 : 204, now.ToUnixTimeMilliseconds(), row.Size),
                token, legacy is null && state == VersioningState.Off ? removal : null);
            await session.CommitAsync(token);

            // An expired object is gone for clients already; its row is reaped all the same.
            return expired && marker is null ? CloudFsError.NotFound() : new VersionDeletion(!expired, marker);
        }, ct);

    /// <summary>PUT ?version-id= with no body: that version becomes current again (object versioning); its ETag.</summary>
    public Task<Outcome<string>> RestoreVersionAsync(WriteContext ctx, string account, string container, string name, string versionId, CancellationToken ct) =>
        work.RunAsync<Outcome<string>>(async (session, token) =>
        {
            var path = ObjectPath.Parse(name);
            var place = await locator.LocateAsync(session, ctx, account, container, path, create: false, token);
            if (place.Error is not null)
            {
                return place.Error;
            }

            if (ObjectVersioning.State(await metadata.LoadAsync(session, place.Container!.Id, MetadataRepository.Sys, token)) == VersioningState.Off)
            {
                return CloudFsError.BadRequest("version-aware operations require that the container is versioned");
            }

            var now = time.GetUtcNow();
            var row = place.Parent is null ? null : await names.FindChildAsync(session, place.Parent.Value, "object", path.Leaf, true, token);
            if (row is not null && (Access.Blocks(ctx.Caller, row) || row.XTimestamp > ctx.Timestamp.Units))
            {
                return Access.Blocks(ctx.Caller, row) ? Access.Forbidden() : CloudFsError.Conflict("A newer write of this object exists.");
            }

            var live = row is not null && !IsExpired(row, now) ? row : null;
            var restored = await objectVersions.RestoreAsync(session, ctx, place, live, row, versionId, remover, now.ToUnixTimeMilliseconds(), token);
            if (restored.IsSuccess)
            {
                await session.CommitAsync(token);
            }

            return restored;
        }, ct);

    /// <summary>
    /// Removes a directory and everything below it in one transaction; returns the bytes and
    /// objects it held, which leave the container's and account's usage at once.
    /// </summary>
    public Task<Outcome<UsageDelta>> DeleteDirectoryAsync(WriteContext ctx, string account, string container, string directory, CancellationToken ct) =>
        work.RunAsync<Outcome<UsageDelta>>(async (session, token) =>
        {
            var path = ObjectPath.Parse(directory.TrimEnd('/') + "/");
            var place = await locator.LocateAsync(session, ctx, account, container, path, create: false, token);
            if (place.Error is not null)
            {
                return place.Error;
            }

            if (place.Parent is null || place.DirectoryIds.Count == 0)
            {
                return CloudFsError.NotFound();
            }

            var prefix = path.DirectoryPath(path.Directories.Count);
            if (await versionRows.AnyBelowAsync(session, place.Container!.Id, prefix, token))
            {
                return CloudFsError.Conflict("Delete all versions below this directory before deleting it.");
            }

            var now = time.GetUtcNow().ToUnixTimeMilliseconds();
            var (bytes, objects) = await names.UsageBelowAsync(session, place.Container!.Id, prefix, token);
            var removal = new ObjectRemoval(place.DirectoryIds[^1], Owners(place), UsageDelta.Used(bytes, objects),
                await names.BlobsBelowAsync(session, place.Container.Id, prefix, token), place.DirectoryIds[..^1]);
            await remover.RemoveAsync(session, removal,
                AccountService.Record(ctx, account, "directory.delete", $"/{container}/{prefix}/", removal.RowId, 200, now, bytes), token);
            await session.CommitAsync(token);
            return removal.Usage;
        }, ct);

    // Where the commit's name lives, and what it decides on there. On MariaDB, where the name was
    // found before, both are read in one command (one round trip, not two), then checked; SQLite
    // has no round trip to save, and the guess would only cost it work.
    private async Task<(NamespacePlace Place, ObjectCommitSnapshot? Snapshot)> LocateForCommitAsync(CatalogSession session, WriteContext ctx,
        string account, string container, ObjectPath path, ObjectCommit commit, CancellationToken ct)
    {
        var blobIds = BlobsOf(commit);
        var written = commit.BlobWritten ? commit.BlobId : null;
        NamespacePlace place;
        if (session.Dialect.CommandsAreRoundTrips && locator.Guesses.Find(account, container, path) is { } guess)
        {
            var read = await commitReads.LoadGuessingAsync(session, account, container, path, guess, blobIds, written, ct);
            place = await locator.PlaceAsync(session, ctx, account, container, path, read.Account, read.Container, read.Chain, create: true, ct);
            if (place.Error is not null || guess.Match(place))
            {
                return (place, place.Error is null ? read.AtGuess : null);
            }
        }
        else
        {
            place = await locator.LocateAsync(session, ctx, account, container, path, create: true, ct);
        }

        return (place, place.Error is null ? await commitReads.LoadAsync(session, place, blobIds, written, ct) : null);
    }

    // Where a DELETE's name lives, and its row and container settings, the same way.
    private async Task<(NamespacePlace Place, ObjectDeleteSnapshot? Read)> LocateForDeleteAsync(CatalogSession session,
        WriteContext ctx, string account, string container, ObjectPath path, CancellationToken ct)
    {
        NamespacePlace place;
        if (session.Dialect.CommandsAreRoundTrips && locator.Guesses.Find(account, container, path) is { } guess)
        {
            var read = await commitReads.LoadForDeleteGuessingAsync(session, account, container, path, guess, ct);
            place = await locator.PlaceAsync(session, ctx, account, container, path, read.Account, read.Container, read.Chain, create: false, ct);
            if (place.Error is not null || guess.Match(place))
            {
                return (place, read.AtGuess);
            }
        }
        else
        {
            place = await locator.LocateAsync(session, ctx, account, container, path, create: false, ct);
        }

        return (place, place.Error is null ? await commitReads.LoadForDeleteAsync(session, place, ct) : default);
    }

    private async Task<Outcome<CommitResult>> WriteObjectAsync(CatalogSession session, WriteContext ctx, NamespacePlace place, ObjectCommitSnapshot snapshot,
        ObjectCommit commit, long now, CancellationToken ct)
    {
        var existing = snapshot.Existing;
        if (Access.Blocks(ctx.Caller, existing))
        {
            return Access.Forbidden();
        }

        if (existing is not null && existing.XTimestamp == ctx.Timestamp.Units && commit.BlobId.Length > 0
            && string.Equals(existing.BlobId, commit.BlobId, StringComparison.Ordinal))
        {
            // This very commit, applied already: its COMMIT went through but the answer was lost
            // (the database node died with it) and it is sent again or replayed from the journal.
            return new CommitResult(existing.Id, Created: false, ReplacedBlobId: null);
        }

        if (existing is not null && existing.XTimestamp >= ctx.Timestamp.Units)
        {
            return CloudFsError.Conflict("A newer write of this object exists.");
        }

        var change = new MetadataChange(commit.Metadata, []);
        if (MetadataRules.Validate(change, commit.Metadata) is { } invalid)
        {
            return invalid;
        }

        // A blob already queued and named by no row may be in a collector's hands: naming it again
        // would leave a row without a body. The source was deleted after the proxy read it, and
        // the copy is answered as if the delete came first.
        if (snapshot.Collectable.Count > 0)
        {
            return CloudFsError.NotFound();
        }

        // Legacy versioning keeps the overwritten object as an archive naming the same blob;
        // object versioning keeps it as a version row and tags the new row with its version id.
        var live = existing is not null && !IsExpired(existing, DateTimeOffset.FromUnixTimeMilliseconds(now)) ? existing : null;
        var containerSys = snapshot.ContainerSys;
        if (live is not null && LegacyVersioning.Setting(containerSys) is { } legacy
            && await legacyVersions.ArchiveAsync(session, ctx, place, live, legacy.Container, now, ct) is { } notArchived)
        {
            return notArchived;
        }

        var versionState = ObjectVersioning.State(containerSys);
        var versionId = await objectVersions.BeforeOverwriteAsync(session, ctx, place, live, versionState, now, ct);

        var deltaBytes = commit.Size - (existing?.Size ?? 0);
        var deltaObjects = existing is null ? 1 : 0;
        // Read again when versioning may have moved usage since the snapshot (an archive or a version row).
        var (accountQuota, containerQuota) = snapshot.Quotas is { } read && LegacyVersioning.Setting(containerSys) is null && versionState == VersioningState.Off
            ? read
            : await quotas.LockPairAsync(session, place.Account!.Id, place.Container!.Id, ct);
        if (!QuotaPolicy.Allows(accountQuota, deltaBytes, deltaObjects) || !QuotaPolicy.Allows(containerQuota, deltaBytes, deltaObjects))
        {
            return new CloudFsError(CloudFsErrorKind.RequestEntityTooLarge, "Upload exceeds quota.");
        }

        var row = new NewStobj(place.Parent!.Value, place.Account!.Id, place.Container!.Id, place.Path.Leaf, place.Path.FullName, "object",
            ctx.Timestamp.Units, commit.Size, commit.Etag, commit.ContentType, commit.BlobId is { Length: > 0 } blob ? blob : null, commit.DeleteAt,
            commit.PolicyIndex ?? place.Container.PolicyIndex, commit.Composite?.SloBytes, commit.Composite?.SloEtag);
        var id = await names.UpsertObjectAsync(session, existing, row, now, ct);
        if (existing is not null)
        {
            // The pieces of the version being replaced: the collector weighs them like its blob.
            await garbage.EnqueueAsync(session, await segments.DeleteAsync(session, existing.Id, ct), now, ct);
        }

        if (commit.Composite is { } composite)
        {
            await segments.InsertAsync(session, id, composite.Segments, ct);
        }

        await metadata.WriteObjectAsync(session, id, commit.Metadata, commit.System, rowIsNew: existing is null, ct);

        if (versionId is not null)
        {
            await metadata.SetAsync(session, id, MetadataRepository.Sys, ObjectVersioning.VersionIdName, versionId, ct);
        }

        var added = UsageDelta.Used(deltaBytes, deltaObjects);
        await quotas.AddToPairAsync(session, place.Account.Id, place.Container.Id, added, ct);
        var replaced = existing?.BlobId is { } old && old != commit.BlobId ? old : null;
        if (replaced is not null)
        {
            await garbage.EnqueueAsync(session, [replaced], now, ct);
        }

        await records.InsertAsync(session, AccountService.Record(ctx, place.AccountName, "object.put", $"/{place.ContainerName}/{place.Path.FullName}",
            id, 201, now, commit.Size), ct);
        return new CommitResult(id, existing is null, replaced) { VersionId = versionId };
    }

    private static RowOwners Owners(NamespacePlace place) => new(place.Account!.Id, place.Container!.Id, place.AccountName);

    private async Task<Outcome<CommitResult>> ReleaseAndQueueAsync(string? reservationId, IReadOnlyList<string> blobIds, CloudFsError error, CancellationToken ct) =>
        await work.RunAsync<Outcome<CommitResult>>(async (session, token) =>
        {
            if (reservationId is not null)
            {
                await ReleaseAsync(session, reservationId, token);
            }

            await garbage.EnqueueAsync(session, blobIds, time.GetUtcNow().ToUnixTimeMilliseconds(), token);
            await session.CommitAsync(token);
            return error;
        }, ct);

    private async Task ReleaseAsync(CatalogSession session, string reservationId, CancellationToken ct)
    {
        if (await reservations.TakeAsync(session, reservationId, ct) is { } taken)
        {
            await FreeAsync(session, taken, ct);
        }
    }

    private async Task ReleaseExpiredAsync(CatalogSession session, long accountId, long now, CancellationToken ct)
    {
        foreach (var expired in await reservations.TakeExpiredAsync(session, accountId, now, ct))
        {
            await FreeAsync(session, expired, ct);
        }
    }

    // A reservation's room leaves both the account's and the container's reserved counters.
    private async Task FreeAsync(CatalogSession session, Reservation reservation, CancellationToken ct)
    {
        var freed = -UsageDelta.Reserved(reservation.Bytes, reservation.Objects);
        await quotas.AddToPairAsync(session, reservation.AccountId, reservation.ContainerId, freed, ct);
    }

    private static bool IsExpired(StobjRow row, DateTimeOffset now) => row.DeleteAt is { } at && at <= now.ToUnixTimeSeconds();

}
