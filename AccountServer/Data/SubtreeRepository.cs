using CloudFs.Catalog;

namespace CloudFs.AccountServer.Data;

/// <summary>
/// Bulk SQL over a directory's subtree. Descendants of directory "a/b" are the rows of its
/// container whose path lies in ["a/b/", "a/b0"): '0' is the byte after '/', so the range is
/// exactly the names below it and the (container_id, type, path) index serves it.
/// </summary>
public sealed class SubtreeRepository
{
    /// <summary>Rewrites the paths (and container) of everything below a moved directory.</summary>
    public Task<int> RewriteSubtreeAsync(CatalogSession session, long fromContainer, string fromPath, long toContainer, string toPath, CancellationToken ct)
    {
        // MariaDB's SUBSTRING counts bytes of a VARBINARY; SQLite's substr counts characters of TEXT.
        var sql = session.Dialect.Provider == CatalogProvider.MySql
            ? "UPDATE stobj SET path = CONCAT(@To, SUBSTRING(path, @FromBytes)), container_id = @ToContainer WHERE container_id = @FromContainer AND type IN ('object', 'directory') AND path >= @Low AND path < @High"
            : "UPDATE stobj SET path = @To || substr(path, @FromChars), container_id = @ToContainer WHERE container_id = @FromContainer AND type IN ('object', 'directory') AND path >= @Low AND path < @High";
        return session.ExecuteAsync(sql, new
        {
            To = toPath,
            FromBytes = System.Text.Encoding.UTF8.GetByteCount(fromPath) + 1,
            FromChars = fromPath.Length + 1,
            ToContainer = toContainer,
            FromContainer = fromContainer,
            Low = fromPath + "/",
            High = fromPath + "0",
        }, ct);
    }

    /// <summary>The directories below one (not itself), parents before children.</summary>
    public async Task<IReadOnlyList<SubtreeDirectory>> DirectoriesBelowAsync(CatalogSession session, long containerId, string path, CancellationToken ct) =>
        (await session.QueryAsync<SubtreeDirectory>("""
            SELECT id AS Id, parent_id AS ParentId, {PATH_AS_TEXT} AS Path FROM stobj
            WHERE container_id = @ContainerId AND type = 'directory' AND path >= @Low AND path < @High ORDER BY path
            """, new { ContainerId = containerId, Low = path + "/", High = path + "0" }, ct)).ToList();

    /// <summary>Copies the objects directly in one directory under another, sharing their blobs; returns bytes and count.</summary>
    public async Task<(long Bytes, long Objects)> CopyObjectsAsync(CatalogSession session, long fromParent, long toParent, long toContainer,
        string fromPath, string toPath, long timestamp, long now, CancellationToken ct)
    {
        var mysql = session.Dialect.Provider == CatalogProvider.MySql;
        var newPath = mysql ? "CONCAT(@To, SUBSTRING(path, @FromBytes))" : "@To || substr(path, @FromChars)";
        var args = new
        {
            ToParent = toParent,
            ToContainer = toContainer,
            FromParent = fromParent,
            To = toPath,
            FromBytes = System.Text.Encoding.UTF8.GetByteCount(fromPath) + 1,
            FromChars = fromPath.Length + 1,
            Timestamp = timestamp,
            Now = now,
        };
        var copied = await session.ExecuteAsync($"""
            INSERT INTO stobj (parent_id, account_id, container_id, name, path, type, state, size, etag, content_type, blob_id, delete_at, x_timestamp, created_at, modified_at, policy_index, slo_bytes, slo_etag)
            SELECT @ToParent, account_id, @ToContainer, name, {newPath}, 'object', state, size, etag, content_type, blob_id, delete_at, @Timestamp, @Now, @Now, policy_index, slo_bytes, slo_etag
            FROM stobj WHERE parent_id = @FromParent AND type = 'object'
            """, args, ct);
        if (copied == 0)
        {
            return (0, 0);
        }

        await session.ExecuteAsync("""
            INSERT INTO metadata (stobj_id, kind, name, value)
            SELECT n.id, m.kind, m.name, m.value
            FROM stobj o JOIN metadata m ON m.stobj_id = o.id
                 JOIN stobj n ON n.parent_id = @ToParent AND n.type = 'object' AND n.name = o.name
            WHERE o.parent_id = @FromParent AND o.type = 'object'
            """, args, ct);
        // Large objects keep their pieces: the copies name the same blobs.
        await session.ExecuteAsync("""
            INSERT INTO segment (object_id, seq, blob_id, policy_index, blob_offset, length, blob_bytes)
            SELECT n.id, s.seq, s.blob_id, s.policy_index, s.blob_offset, s.length, s.blob_bytes
            FROM stobj o JOIN segment s ON s.object_id = o.id
                 JOIN stobj n ON n.parent_id = @ToParent AND n.type = 'object' AND n.name = o.name
            WHERE o.parent_id = @FromParent AND o.type = 'object'
            """, args, ct);
        var usage = await session.SingleOrDefaultAsync<Usage>(
            "SELECT COALESCE(SUM(size), 0) AS Bytes, COUNT(*) AS Objects FROM stobj WHERE parent_id = @ToParent AND type = 'object'", args, ct);
        return (usage!.Bytes, usage.Objects);
    }

    public Task<int> MoveRowAsync(CatalogSession session, long id, long newParent, string newName, string newPath, long newContainer, long now, CancellationToken ct) =>
        session.ExecuteAsync("UPDATE stobj SET parent_id = @Parent, name = @Name, path = @Path, container_id = @Container, modified_at = @Now WHERE id = @Id",
            new { Id = id, Parent = newParent, Name = newName, Path = newPath, Container = newContainer, Now = now }, ct);

    private sealed class Usage
    {
        public long Bytes { get; init; }

        public long Objects { get; init; }
    }
}

