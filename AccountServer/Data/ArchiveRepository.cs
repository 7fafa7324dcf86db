using CloudFs.Catalog;

namespace CloudFs.AccountServer.Data;

/// <summary>SQL for legacy versioning: the archived versions of one object, which are the objects of one directory of the versions container.</summary>
public sealed class ArchiveRepository
{
    /// <summary>The objects directly below <paramref name="parentId"/>, newest archive (greatest name) first, locked for the restore.</summary>
    public async Task<IReadOnlyList<StobjRow>> NewestFirstAsync(CatalogSession session, long parentId, CancellationToken ct) =>
        (await session.QueryAsync<StobjRow>("""
            SELECT id AS Id, parent_id AS ParentId, type AS Type, state AS State, size AS Size, etag AS Etag,
                   content_type AS ContentType, blob_id AS BlobId, delete_at AS DeleteAt, x_timestamp AS XTimestamp,
                   policy_index AS PolicyIndex, slo_bytes AS SloBytes, slo_etag AS SloEtag
            FROM stobj WHERE parent_id = @ParentId AND type = 'object' ORDER BY name DESC {FOR_UPDATE}
            """, new { ParentId = parentId }, ct)).ToList();
}
