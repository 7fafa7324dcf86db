using CloudFs.Catalog;

namespace CloudFs.AccountServer.Data;

/// <summary>What fsck asks the catalog about blobs: which ones rows name, and which of a list none does.</summary>
public sealed class BlobRepository
{
    /// <summary>
    /// Up to <paramref name="limit"/> distinct blob ids after <paramref name="marker"/>, in id order,
    /// named by the rows of one account (its stobj id) or, when <paramref name="accountId"/> is null, by any row.
    /// </summary>
    public async Task<IReadOnlyList<NamedBlob>> NamedPageAsync(CatalogSession session, long? accountId, string marker, int limit, CancellationToken ct) =>
        (await session.QueryAsync<NamedBlob>("""
            SELECT DISTINCT blob_id AS BlobId, policy_index AS PolicyIndex FROM stobj
            WHERE blob_id IS NOT NULL AND blob_id > @Marker AND (@AccountId IS NULL OR account_id = @AccountId)
            ORDER BY blob_id LIMIT @Limit
            """, new { AccountId = accountId, Marker = marker, Limit = limit }, ct)).ToList();

    /// <summary>The ids of <paramref name="ids"/> that no row names, each once.</summary>
    public async Task<IReadOnlyList<string>> UnreferencedAsync(CatalogSession session, IReadOnlyCollection<string> ids, CancellationToken ct)
    {
        if (ids.Count == 0)
        {
            return [];
        }

        var named = (await session.QueryAsync<string>("SELECT DISTINCT blob_id FROM stobj WHERE blob_id IN @Ids", new { Ids = ids }, ct))
            .ToHashSet(StringComparer.Ordinal);
        return ids.Where(id => !named.Contains(id)).Distinct(StringComparer.Ordinal).ToList();
    }
}
