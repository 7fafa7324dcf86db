using CloudFs.Catalog;

namespace CloudFs.AccountServer.Data;

/// <summary>What fsck asks the catalog about blobs: which ones rows name, and which of a list none does.</summary>
public sealed class BlobRepository
{
    /// <summary>
    /// Up to <paramref name="limit"/> distinct blob ids after <paramref name="marker"/>, in id order,
    /// named by the rows of one account (its stobj id) or, when <paramref name="accountId"/> is null, by any row;
    /// the blobs large objects' pieces name count as named by their objects.
    /// </summary>
    public async Task<IReadOnlyList<NamedBlob>> NamedPageAsync(CatalogSession session, long? accountId, string marker, int limit, CancellationToken ct) =>
        (await session.QueryAsync<NamedBlob>("""
            SELECT BlobId, PolicyIndex FROM (
              SELECT blob_id AS BlobId, policy_index AS PolicyIndex FROM stobj
              WHERE blob_id IS NOT NULL AND blob_id > @Marker AND (@AccountId IS NULL OR account_id = @AccountId)
              UNION
              SELECT s.blob_id AS BlobId, s.policy_index AS PolicyIndex FROM segment s JOIN stobj o ON o.id = s.object_id
              WHERE s.blob_id > @Marker AND (@AccountId IS NULL OR o.account_id = @AccountId)
            ) named
            ORDER BY BlobId LIMIT @Limit
            """, new { AccountId = accountId, Marker = marker, Limit = limit }, ct)).ToList();

    /// <summary>The objects (as "container/path") whose bodies are made of pieces of <paramref name="blobId"/>.</summary>
    public async Task<IReadOnlyList<string>> ManifestsNamingAsync(CatalogSession session, string blobId, CancellationToken ct) =>
        (await session.QueryAsync<ManifestName>("""
            SELECT DISTINCT c.name AS Container, o.path AS Path FROM segment s JOIN stobj o ON o.id = s.object_id JOIN stobj c ON c.id = o.container_id
            WHERE s.blob_id = @BlobId
            """, new { BlobId = blobId }, ct)).Select(m => CatalogNames.Read(m.Container) + "/" + CatalogNames.Read(m.Path)).ToList();

    private sealed class ManifestName
    {
        public object? Container { get; init; }

        public object? Path { get; init; }
    }

    /// <summary>
    /// The ids of <paramref name="ids"/> queued for collection (replaced, deleted or abandoned):
    /// garbage the collector takes once its grace has passed, not orphans nobody knows of.
    /// </summary>
    public async Task<IReadOnlySet<string>> QueuedAsync(CatalogSession session, IReadOnlyCollection<string> ids, CancellationToken ct) =>
        ids.Count == 0
            ? new HashSet<string>()
            : (await session.QueryAsync<string>("SELECT blob_id FROM garbage WHERE blob_id IN @Ids", new { Ids = ids }, ct)).ToHashSet(StringComparer.Ordinal);

    /// <summary>The ids of <paramref name="ids"/> that no row and no large object's piece names, each once.</summary>
    public async Task<IReadOnlyList<string>> UnreferencedAsync(CatalogSession session, IReadOnlyCollection<string> ids, CancellationToken ct)
    {
        if (ids.Count == 0)
        {
            return [];
        }

        var named = (await session.QueryAsync<string>(
                "SELECT blob_id FROM stobj WHERE blob_id IN @Ids UNION SELECT blob_id FROM segment WHERE blob_id IN @Ids", new { Ids = ids }, ct))
            .ToHashSet(StringComparer.Ordinal);
        return ids.Where(id => !named.Contains(id)).Distinct(StringComparer.Ordinal).ToList();
    }
}
