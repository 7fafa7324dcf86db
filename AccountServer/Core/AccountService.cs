using CloudFs.AccountServer.Data;
using CloudFs.Catalog;
using CloudFs.Common.Results;

namespace CloudFs.AccountServer.Core;

/// <summary>Account rows: creation, metadata and account quotas.</summary>
public sealed class AccountService(CatalogWork work, NamespaceRepository names, MetadataRepository metadata,
    QuotaRepository quotas, RecordRepository records, TimeProvider time)
{
    public const string QuotaBytesHeader = "X-Account-Quota-Bytes";
    public const string QuotaCountHeader = "X-Account-Quota-Count";

    /// <summary>tempauth's account ACL, kept as the account's system metadata (Swift: X-Account-Sysmeta-Core-Access-Control).</summary>
    public const string AccessControlHeader = "X-Account-Access-Control";

    public const string AccessControlName = "core-access-control";

    public Task<Outcome<bool>> CreateAsync(WriteContext ctx, string account, CancellationToken ct) =>
        work.RunAsync<Outcome<bool>>(async (session, token) =>
        {
            if (!ctx.Caller.IsAdmin)
            {
                return Access.Forbidden();
            }

            var (_, created) = await EnsureAsync(session, account, ctx, token);
            await session.CommitAsync(token);
            return created ? true : CloudFsError.Conflict($"Account {account} already exists");
        }, ct);

    /// <summary>Creates the account row and its usage row unless they exist (inside the caller's session).</summary>
    public async Task<(StobjRow Row, bool Created)> EnsureAsync(CatalogSession session, string account, WriteContext ctx, CancellationToken ct)
    {
        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        var (row, created) = await names.EnsureChildAsync(session,
            new NewStobj(NamespaceRepository.RootId, null, null, account, "", "account", ctx.Timestamp.Units), now, ct);
        await quotas.EnsureAsync(session, row.Id, ct);
        if (created)
        {
            await records.InsertAsync(session, Record(ctx, account, "account.create", "", row.Id, 201, now), ct);
        }

        return (row, created);
    }

    /// <summary>POST: merge metadata; set or clear account quotas (admins only, as Swift's reseller rule); set or clear (empty) the account ACL and, for admins, the global write ratelimit.</summary>
    public Task<Outcome<bool>> UpdateAsync(WriteContext ctx, string account, MetadataChange change, QuotaHeaders quota, AccountSystemChange system, CancellationToken ct) =>
        work.RunAsync<Outcome<bool>>(async (session, token) =>
        {
            var row = await names.FindAccountAsync(session, account, token);
            if (row is null)
            {
                return CloudFsError.NotFound();
            }

            if (!Access.CanManage(ctx.Caller, account) || Access.Blocks(ctx.Caller, row) || (quota.IsPresent && !ctx.Caller.IsAdmin))
            {
                return Access.Forbidden();
            }

            var current = await metadata.LoadAsync(session, row.Id, MetadataRepository.User, token);
            var merged = change.MergeInto(current);
            if (MetadataRules.Validate(change, merged) is { } invalid)
            {
                return invalid;
            }

            await metadata.ReplaceAsync(session, row.Id, MetadataRepository.User, merged, token);
            if (system.Acl is not null)
            {
                await metadata.SetAsync(session, row.Id, MetadataRepository.Sys, AccessControlName, system.Acl, token);
            }

            // Like Swift's gatekeeper dropping client-sent sysmeta: ignored unless an admin sends it.
            if (system.GlobalWriteRatelimit is not null && ctx.Caller.IsAdmin)
            {
                await metadata.SetAsync(session, row.Id, MetadataRepository.Sys, AccountSystemChange.GlobalWriteRatelimitName, system.GlobalWriteRatelimit.Trim(), token);
            }

            if (quota.IsPresent)
            {
                var state = await quotas.LockAsync(session, row.Id, token);
                await quotas.SetLimitsAsync(session, row.Id, quota.Bytes.Apply(state.MaxBytes), quota.Count.Apply(state.MaxObjects), token);
            }

            var now = time.GetUtcNow().ToUnixTimeMilliseconds();
            await records.InsertAsync(session, Record(ctx, account, "account.post", "", row.Id, 204, now), token);
            await session.CommitAsync(token);
            return true;
        }, ct);

    internal static OperationRecord Record(WriteContext ctx, string account, string action, string path, long? stobjId, int result, long now, long? size = null) => new()
    {
        UserId = ctx.Caller.UserId,
        Account = account,
        Action = action,
        Path = path,
        StobjId = stobjId,
        Size = size,
        TransId = ctx.TransId,
        Result = result,
        CreatedAt = now,
    };
}
