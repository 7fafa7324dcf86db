using CloudFs.AccountServer.Data;
using CloudFs.Common.Results;

namespace CloudFs.AccountServer.Core;

/// <summary>
/// The resource firewall: admins disable or enable an account, container, directory or
/// object. A disabled row hides itself and everything below it from everyone but admins.
/// </summary>
public sealed class FirewallService(CatalogWork work, NamespaceRepository names, RecordRepository records, TimeProvider time)
{
    /// <summary>Sets the state of the row a path names; a trailing "/" on a name means the directory.</summary>
    public Task<Outcome<bool>> SetStateAsync(WriteContext ctx, string account, string? container, string? name, bool enabled, CancellationToken ct) =>
        work.RunAsync<Outcome<bool>>(async (session, token) =>
        {
            if (!ctx.Caller.IsAdmin)
            {
                return Access.Forbidden();
            }

            var row = await names.FindAccountAsync(session, account, token);
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

            await names.SetStateAsync(session, row.Id, enabled ? "enabled" : "disabled", token);
            var path = container is null ? "" : $"/{container}" + (name is null ? "" : "/" + name);
            await records.InsertAsync(session, AccountService.Record(ctx, account, enabled ? "firewall.enable" : "firewall.disable", path, row.Id, 204,
                time.GetUtcNow().ToUnixTimeMilliseconds()), token);
            await session.CommitAsync(token);
            return true;
        }, ct);
}
