using CloudFs.AccountServer.Data;
using CloudFs.Catalog;
using CloudFs.Common.Policies;
using CloudFs.Common.Results;

namespace CloudFs.AccountServer.Core;

/// <summary>Container rows: create (201/202), metadata, ACLs and quotas, delete when empty.</summary>
public sealed class ContainerService(CatalogWork work, NamespaceRepository names, MetadataRepository metadata,
    QuotaRepository quotas, RecordRepository records, VersionRepository versions, StoragePolicyTable policies, TimeProvider time)
{
    public StoragePolicyTable Policies => policies;

    public const string ReadAclName = "read";
    public const string WriteAclName = "write";
    public const string SyncToName = "sync-to";
    public const string SyncKeyName = "sync-key";

    /// <summary>PUT: true when the container was created, false when it existed (its metadata then merged).</summary>
    public Task<Outcome<bool>> PutAsync(WriteContext ctx, string account, string container, ContainerChange change, CancellationToken ct) =>
        work.RunAsync<Outcome<bool>>(async (session, token) =>
        {
            var accountRow = await names.FindAccountAsync(session, account, token);
            if (accountRow is null)
            {
                return CloudFsError.NotFound();
            }

            if (!Access.CanManage(ctx.Caller, account) || Access.Blocks(ctx.Caller, accountRow))
            {
                return Access.Forbidden();
            }

            var now = time.GetUtcNow().ToUnixTimeMilliseconds();
            var (row, created) = await names.EnsureChildAsync(session,
                new NewStobj(accountRow.Id, accountRow.Id, null, container, "", "container", ctx.Timestamp.Units,
                    PolicyIndex: change.PolicyIndex ?? policies.Default.Index), now, token);
            if (Access.Blocks(ctx.Caller, row))
            {
                return Access.Forbidden();
            }

            // A container keeps its policy for life; asking for another is Swift's bare 409.
            if (!created && change.PolicyIndex is { } asked && asked != row.PolicyIndex)
            {
                return CloudFsError.Conflict();
            }

            await quotas.EnsureAsync(session, row.Id, token);
            if (await ApplyAsync(session, row.Id, change, token) is { } invalid)
            {
                return invalid;
            }

            // A PUT of an existing container moves its Last-Modified on, as in Swift.
            if (!created)
            {
                await names.AdvanceTimestampAsync(session, row.Id, ctx.Timestamp.Units, now, token);
            }

            await records.InsertAsync(session, AccountService.Record(ctx, account, created ? "container.create" : "container.put",
                "/" + container, row.Id, created ? 201 : 202, now), token);
            await session.CommitAsync(token);
            return created;
        }, ct);

    public Task<Outcome<bool>> PostAsync(WriteContext ctx, string account, string container, ContainerChange change, CancellationToken ct) =>
        work.RunAsync<Outcome<bool>>(async (session, token) =>
        {
            var (row, error) = await FindAsync(session, ctx, account, container, token);
            if (row is null)
            {
                return error!;
            }

            if (await ApplyAsync(session, row.Id, change, token) is { } invalid)
            {
                return invalid;
            }

            var now = time.GetUtcNow().ToUnixTimeMilliseconds();
            await names.AdvanceTimestampAsync(session, row.Id, ctx.Timestamp.Units, now, token);
            await records.InsertAsync(session, AccountService.Record(ctx, account, "container.post", "/" + container, row.Id, 204, now), token);
            await session.CommitAsync(token);
            return true;
        }, ct);

    public Task<Outcome<bool>> DeleteAsync(WriteContext ctx, string account, string container, CancellationToken ct) =>
        work.RunAsync<Outcome<bool>>(async (session, token) =>
        {
            var (row, error) = await FindAsync(session, ctx, account, container, token);
            if (row is null)
            {
                return error!;
            }

            // Exact: objects and this check live in one database, so no listing lag makes
            // a just-emptied container look full (Swift's eventual-consistency 409s).
            if (await versions.AnyInContainerAsync(session, row.Id, token))
            {
                return CloudFsError.Conflict("Delete all versions before deleting container.");
            }

            if (await names.HasChildrenAsync(session, row.Id, token))
            {
                return CloudFsError.Conflict("There was a conflict when trying to complete your request.");
            }

            await names.DeleteAsync(session, row.Id, token);
            var now = time.GetUtcNow().ToUnixTimeMilliseconds();
            await records.InsertAsync(session, AccountService.Record(ctx, account, "container.delete", "/" + container, row.Id, 204, now), token);
            await session.CommitAsync(token);
            return true;
        }, ct);

    private async Task<(StobjRow? Row, CloudFsError? Error)> FindAsync(CatalogSession session, WriteContext ctx, string account, string container, CancellationToken ct)
    {
        var accountRow = await names.FindAccountAsync(session, account, ct);
        var row = accountRow is null ? null : await names.FindChildAsync(session, accountRow.Id, "container", container, forUpdate: true, ct);
        if (row is null)
        {
            return (null, CloudFsError.NotFound());
        }

        return !Access.CanManage(ctx.Caller, account) || Access.Blocks(ctx.Caller, accountRow) || Access.Blocks(ctx.Caller, row)
            ? (null, Access.Forbidden())
            : (row, null);
    }

    private async Task<CloudFsError?> ApplyAsync(CatalogSession session, long id, ContainerChange change, CancellationToken ct)
    {
        var current = await metadata.LoadAsync(session, id, MetadataRepository.User, ct);
        var merged = change.Metadata.MergeInto(current);
        if (MetadataRules.Validate(change.Metadata, merged) is { } invalid)
        {
            return invalid;
        }

        await metadata.ReplaceAsync(session, id, MetadataRepository.User, merged, ct);
        if (change.ReadAcl is not null)
        {
            await metadata.SetAsync(session, id, MetadataRepository.Sys, ReadAclName, change.ReadAcl, ct);
        }

        if (change.WriteAcl is not null)
        {
            await metadata.SetAsync(session, id, MetadataRepository.Sys, WriteAclName, change.WriteAcl, ct);
        }

        if (change.VersionsEnabled is { } enabled)
        {
            var sys = await metadata.LoadAsync(session, id, MetadataRepository.Sys, ct);
            // As Swift: checked against what the container had before this request.
            if (enabled && sys.GetValueOrDefault(Versioning.LegacyVersioning.LocationName) is { Length: > 0 })
            {
                return CloudFsError.BadRequest("Cannot enable object versioning on a container that is already using the legacy versioned writes feature.");
            }

            await metadata.SetAsync(session, id, MetadataRepository.Sys, Versioning.ObjectVersioning.EnabledName, Versioning.VersionsEnabledChange.Show(enabled), ct);
            if (enabled)
            {
                await metadata.SetAsync(session, id, MetadataRepository.Sys, Versioning.ObjectVersioning.VersionedName, "true", ct);
            }
        }

        if (change.SyncTo is not null)
        {
            await metadata.SetAsync(session, id, MetadataRepository.Sys, SyncToName, change.SyncTo, ct);
        }

        if (change.SyncKey is not null)
        {
            await metadata.SetAsync(session, id, MetadataRepository.Sys, SyncKeyName, change.SyncKey, ct);
        }

        if (change.Versions is { } versions)
        {
            await metadata.SetAsync(session, id, MetadataRepository.Sys, Versioning.LegacyVersioning.LocationName, versions.Location, ct);
            await metadata.SetAsync(session, id, MetadataRepository.Sys, Versioning.LegacyVersioning.ModeName,
                versions.IsRemoval ? null : versions.Mode == Versioning.LegacyVersionsMode.History ? "history" : "stack", ct);
        }

        if (change.Quota.IsPresent)
        {
            var state = await quotas.LockAsync(session, id, ct);
            await quotas.SetLimitsAsync(session, id, change.Quota.Bytes.Apply(state.MaxBytes), change.Quota.Count.Apply(state.MaxObjects), ct);
        }

        return null;
    }
}
