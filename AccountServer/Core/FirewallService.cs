using CloudFs.AccountServer.Data;
using CloudFs.Common.Results;

namespace CloudFs.AccountServer.Core;

/// <summary>
/// The resource firewall: admins disable or enable an account, container, directory or
/// object. A disabled row hides itself and everything below it from everyone but admins.
/// </summary>
public sealed class FirewallService(CatalogWork work, NamespaceRepository names, FirewallRepository firewall, RecordRepository records, TimeProvider time)
{
    /// <summary>Sets the state of the row a path names; a trailing "/" on a name means the directory.</summary>
    public Task<Outcome<bool>> SetStateAsync(WriteContext ctx, string account, string? container, string? name, bool enabled, CancellationToken ct) =>
        work.RunAsync<Outcome<bool>>(async (session, token) =>
        {
            if (!ctx.Caller.IsAdmin)
            {
                return Access.Forbidden();
            }

            var accountRow = await names.FindAccountAsync(session, account, token);
            var row = accountRow;
            if (row is not null && container is not null)
            {
                row = await names.FindChildAsync(session, row.Id, "container", container, false, token);
            }

            if (row is not null && !string.IsNullOrEmpty(name))
            {
                var wantsDirectory = name.EndsWith('/');
                var segments = name.TrimEnd('/').Split('/');
                for (var i = 0; i < segments.Length - 1 && row is not null; i++)
                {
                    row = await names.FindChildAsync(session, row.Id, "directory", segments[i], false, token);
                }

                if (row is not null)
                {
                    var leaf = segments[^1];
                    row = (wantsDirectory ? null : await names.FindChildAsync(session, row.Id, "object", leaf, false, token))
                        ?? await names.FindChildAsync(session, row.Id, "directory", leaf, false, token);
                }
            }

            if (row is null)
            {
                return CloudFsError.NotFound();
            }

            var now = time.GetUtcNow().ToUnixTimeMilliseconds();
            await names.SetStateAsync(session, row.Id, enabled ? "enabled" : "disabled", token);
            if (enabled)
            {
                await firewall.EnableAsync(session, row.Id, token);
            }
            else
            {
                await firewall.DisableAsync(session, row.Id, accountRow!.Id, now, token);
            }

            var path = container is null ? "" : $"/{container}" + (name is null ? "" : "/" + name);
            await records.InsertAsync(session, AccountService.Record(ctx, account, enabled ? "firewall.enable" : "firewall.disable", path, row.Id, 204,
                now), token);
            await session.CommitAsync(token);
            return true;
        }, ct);

    /// <summary>What the firewall disabled (admins only), of one account or of all.</summary>
    public Task<Outcome<IReadOnlyList<DisabledResource>>> ListAsync(Caller caller, string? account, CancellationToken ct) =>
        work.ReadAsync<Outcome<IReadOnlyList<DisabledResource>>>(async (session, token) =>
        {
            if (!caller.IsAdmin)
            {
                return Access.Forbidden();
            }

            long? accountId = null;
            if (!string.IsNullOrEmpty(account))
            {
                if (await names.FindAccountAsync(session, account, token) is not { } row)
                {
                    return Outcome<IReadOnlyList<DisabledResource>>.Success([]);
                }

                accountId = row.Id;
            }

            return Outcome<IReadOnlyList<DisabledResource>>.Success(await firewall.ListAsync(session, accountId, ListLimit, token));
        }, ct);

    // An admin's list, not a bulk export: the first this many.
    private const int ListLimit = 10_000;
}
