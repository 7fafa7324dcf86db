using CloudFs.AccountServer.Data;
using CloudFs.Common.Results;

namespace CloudFs.AccountServer.Core;

/// <summary>
/// Proves usage exact: compares each container's and the account's usage counters with the
/// sums of their object rows, and (with repair) sets the counters to the sums.
/// </summary>
public sealed class UsageAudit(CatalogWork work, NamespaceRepository names, QuotaRepository quotas)
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

            var rows = (await quotas.CountedAndActualAsync(session, accountRow.Id, token)).Where(d => d.Drifts).ToList();
            if (repair)
            {
                foreach (var drift in rows)
                {
                    await quotas.SetUsedAsync(session, drift, token);
                }

                await session.CommitAsync(token);
            }

            return Outcome<IReadOnlyList<UsageDrift>>.Success(rows);
        }, ct);
}
