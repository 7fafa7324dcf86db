using CloudFs.Catalog;

namespace CloudFs.AccountServer.Data;

/// <summary>SQL for the <c>firewall</c> table: the rows an admin disabled, listed without a scan of stobj.</summary>
public sealed class FirewallRepository
{
    public Task DisableAsync(CatalogSession session, long stobjId, long accountId, long now, CancellationToken ct) =>
        session.ExecuteAsync("{INSERT_IGNORE} INTO firewall (stobj_id, account_id, disabled_at) VALUES (@StobjId, @AccountId, @Now)",
            new { StobjId = stobjId, AccountId = accountId, Now = now }, ct);

    public Task EnableAsync(CatalogSession session, long stobjId, CancellationToken ct) =>
        session.ExecuteAsync("DELETE FROM firewall WHERE stobj_id = @StobjId", new { StobjId = stobjId }, ct);

    /// <summary>What is disabled, oldest first; of one account when <paramref name="accountId"/> is set.</summary>
    public async Task<IReadOnlyList<DisabledResource>> ListAsync(CatalogSession session, long? accountId, int limit, CancellationToken ct)
    {
        var rows = await session.QueryAsync<DisabledRow>($"""
            SELECT s.type AS Type, a.name AS AccountName, c.name AS ContainerName, s.path AS Path, f.disabled_at AS DisabledAt
            FROM firewall f
            JOIN stobj s ON s.id = f.stobj_id
            JOIN stobj a ON a.id = f.account_id
            LEFT JOIN stobj c ON c.id = s.container_id
            {(accountId is null ? "" : "WHERE f.account_id = @AccountId")}
            ORDER BY f.disabled_at, f.stobj_id LIMIT @Limit
            """, new { AccountId = accountId, Limit = limit }, ct);
        return rows.Select(r => new DisabledResource(CatalogNames.Read(r.AccountName), r.Type, PathOf(r), r.DisabledAt)).ToList();
    }

    // The resource as a Swift path: /AUTH_a, /AUTH_a/c, /AUTH_a/c/dir/ or /AUTH_a/c/dir/object.
    private static string PathOf(DisabledRow row)
    {
        var account = "/" + CatalogNames.Read(row.AccountName);
        return row.Type switch
        {
            "account" => account,
            "container" => $"{account}/{CatalogNames.Read(row.ContainerName)}",
            "directory" => $"{account}/{CatalogNames.Read(row.ContainerName)}/{CatalogNames.Read(row.Path)}/",
            _ => $"{account}/{CatalogNames.Read(row.ContainerName)}/{CatalogNames.Read(row.Path)}",
        };
    }

    private sealed class DisabledRow
    {
        public string Type { get; init; } = "";

        public object? AccountName { get; init; }

        public object? ContainerName { get; init; }

        public object? Path { get; init; }

        public long DisabledAt { get; init; }
    }
}
