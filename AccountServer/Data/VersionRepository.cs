using CloudFs.Catalog;

namespace CloudFs.AccountServer.Data;

/// <summary>
/// SQL for object versioning's kept versions: <c>stobj</c> rows of type 'version' beside the
/// object (same parent), named "{leaf}/{version id}" (a leaf never holds '/'), with the object's
/// full name as path and the version id as x_timestamp. Listings page over type 'object', so
/// versions never show there.
/// </summary>
public sealed class VersionRepository
{
    public const string Type = "version";

    public Task<StobjRow?> FindAsync(CatalogSession session, long parentId, string name, CancellationToken ct) =>
        session.SingleOrDefaultAsync<StobjRow>("""
            SELECT id AS Id, parent_id AS ParentId, type AS Type, state AS State, size AS Size, etag AS Etag,
                   content_type AS ContentType, blob_id AS BlobId, delete_at AS DeleteAt, x_timestamp AS XTimestamp,
                   policy_index AS PolicyIndex, slo_bytes AS SloBytes, slo_etag AS SloEtag
            FROM stobj WHERE parent_id = @ParentId AND type = 'version' AND name = @Name {FOR_UPDATE}
            """, new { ParentId = parentId, Name = name }, ct);

    /// <summary>Whether kept versions sit below a directory (whose full name is <paramref name="pathPrefix"/>, without the '/').</summary>
    public async Task<bool> AnyBelowAsync(CatalogSession session, long containerId, string pathPrefix, CancellationToken ct) =>
        await session.ScalarAsync<long?>("SELECT id FROM stobj WHERE container_id = @Id AND type = 'version' AND path >= @From AND path < @To LIMIT 1",
            new { Id = containerId, From = pathPrefix + "/", To = pathPrefix + "0" }, ct) is not null;

    public async Task<bool> AnyInContainerAsync(CatalogSession session, long containerId, CancellationToken ct) =>
        await session.ScalarAsync<long?>("SELECT id FROM stobj WHERE container_id = @Id AND type = 'version' LIMIT 1", new { Id = containerId }, ct) is not null;
}
