using CloudFs.Catalog;
using Dapper;

namespace CloudFs.ContainerServer.Data;

/// <summary>
/// Account and container rows with usage, quotas and metadata, each in one query over the
/// unique (parent_id, type, name) index, the quota primary key and the metadata primary key.
/// </summary>
public sealed class ScopeRepository
{
    private const string SelectAccount = """
        SELECT a.id AS AccountId, a.state AS AccountState, a.x_timestamp AS XTimestamp,
               q.used_bytes AS UsedBytes, q.used_objects AS UsedObjects, q.max_bytes AS MaxBytes, q.max_objects AS MaxObjects,
               (SELECT COUNT(*) FROM stobj c WHERE c.parent_id = a.id AND c.type = 'container') AS ContainerCount,
               m.kind AS MetaKind, m.name AS MetaName, m.value AS MetaValue
        FROM stobj a
        LEFT JOIN quota q ON q.stobj_id = a.id
        LEFT JOIN metadata m ON m.stobj_id = a.id
        WHERE a.parent_id = @Root AND a.type = 'account' AND a.name = @Account
        """;

    private const string SelectContainer = """
        SELECT a.id AS AccountId, a.state AS AccountState, c.id AS ContainerId, c.state AS ContainerState,
               c.x_timestamp AS XTimestamp, c.policy_index AS PolicyIndex,
               q.used_bytes AS UsedBytes, q.used_objects AS UsedObjects, q.max_bytes AS MaxBytes, q.max_objects AS MaxObjects,
               m.kind AS MetaKind, m.name AS MetaName, m.value AS MetaValue
        FROM stobj a
        JOIN stobj c ON c.parent_id = a.id AND c.type = 'container' AND c.name = @Container
        LEFT JOIN quota q ON q.stobj_id = c.id
        LEFT JOIN metadata m ON m.stobj_id = c.id
        WHERE a.parent_id = @Root AND a.type = 'account' AND a.name = @Account
        """;

    // Swift's per-policy account stats, summed from the containers' exact usage rows.
    private const string SelectPolicyUsage = """
        SELECT c.policy_index AS PolicyIndex, COUNT(*) AS ContainerCount,
               COALESCE(SUM(q.used_objects), 0) AS ObjectCount, COALESCE(SUM(q.used_bytes), 0) AS BytesUsed
        FROM stobj c
        LEFT JOIN quota q ON q.stobj_id = c.id
        WHERE c.parent_id = @AccountId AND c.type = 'container'
        GROUP BY c.policy_index
        ORDER BY c.policy_index
        """;

    public async Task<ScopeRecord?> FindAccountAsync(CatalogSession session, string account, CancellationToken ct)
    {
        var rows = await session.QueryAsync<ScopeRow>(SelectAccount, new { Root = CatalogSchema.RootId, Account = CatalogNames.Argument(session.Dialect, account) }, ct);
        var record = ScopeRecord.From(rows.AsList());
        if (record is null || record.ContainerCount == 0)
        {
            return record;
        }

        var usage = await session.QueryAsync<PolicyUsage>(SelectPolicyUsage, new { record.AccountId }, ct);
        return record with { PolicyUsage = usage.AsList() };
    }

    public async Task<ScopeRecord?> FindContainerAsync(CatalogSession session, string account, string container, CancellationToken ct)
    {
        var dialect = session.Dialect;
        var rows = await session.QueryAsync<ScopeRow>(SelectContainer,
            new { Root = CatalogSchema.RootId, Account = CatalogNames.Argument(dialect, account), Container = CatalogNames.Argument(dialect, container) }, ct);
        return ScopeRecord.From(rows.AsList());
    }
}
