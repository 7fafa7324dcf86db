using CloudFs.AccountServer.Data;
using CloudFs.Common.Results;

namespace CloudFs.AccountServer.Core;

/// <summary>
/// Proves usage exact: compares each container's and the account's usage counters with the
/// sums of their object rows, and (with repair) sets the counters to the sums.
/// </summary>
public sealed class UsageAudit(CatalogWork work, NamespaceRepository names)
{
    public Task<Outcome<IReadOnlyList<UsageDrift>>> CheckAsync(Caller caller, string account, bool repair, CancellationToken ct) =>
        work.RunAsync<Outcome<IReadOnlyList<UsageDrift>>>(async (session, token) =>
        {
            if (!caller.IsAdmin)
            {
                return Access.Forbidden();
            }

            var accountRow = await names.FindAccountAsync(session, account, token);
            if (accountRow is null)
            {
                return CloudFsError.NotFound();
            }

            var rows = (await session.QueryAsync<UsageDrift>("""
                SELECT s.id AS StobjId, s.type AS Type, q.used_bytes AS CountedBytes, q.used_objects AS CountedObjects,
                       (SELECT COALESCE(SUM(o.size), 0) FROM stobj o WHERE o.type = 'object' AND
                          ((s.type = 'container' AND o.container_id = s.id) OR (s.type = 'account' AND o.account_id = s.id))) AS ActualBytes,
                       (SELECT COUNT(*) FROM stobj o WHERE o.type = 'object' AND
                          ((s.type = 'container' AND o.container_id = s.id) OR (s.type = 'account' AND o.account_id = s.id))) AS ActualObjects
                FROM stobj s JOIN quota q ON q.stobj_id = s.id
                WHERE s.id = @Id OR (s.parent_id = @Id AND s.type = 'container')
                """, new { accountRow.Id }, token)).Where(d => d.Drifts).ToList();
            if (repair)
            {
                foreach (var drift in rows)
                {
                    await session.ExecuteAsync("UPDATE quota SET used_bytes = @ActualBytes, used_objects = @ActualObjects WHERE stobj_id = @StobjId", drift, token);
                }

                await session.CommitAsync(token);
            }

            return Outcome<IReadOnlyList<UsageDrift>>.Success(rows);
        }, ct);
}
