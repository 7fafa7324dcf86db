using System.Text;
using CloudFs.Catalog;
using Dapper;

namespace CloudFs.ContainerServer.Data;

/// <summary>
/// The reads behind <c>?tree</c>: a directory by (container_id, type, path); a directory's
/// children by the unique (parent_id, type, name) index, in name order and cut by LIMIT;
/// recursive totals as one COUNT/SUM over a (container_id, type, path) range.
/// </summary>
public sealed class TreeTotalsRepository
{
    private const string PathIndex = "ix_stobj_container_type_path";

    public async Task<DirectoryRow?> FindDirectoryAsync(CatalogSession session, long containerId, string path, CancellationToken ct) =>
        await session.FirstOrDefaultAsync<DirectoryRow>(
            "SELECT id AS Id, name AS Name, path AS Path, state AS State FROM stobj WHERE container_id = @ContainerId AND type = 'directory' AND path = @Path",
            new { ContainerId = containerId, Path = CatalogNames.Argument(session.Dialect, path) }, ct);

    /// <summary>Child directories of <paramref name="parentId"/> named above <paramref name="after"/> (null: from the first).</summary>
    public async Task<IReadOnlyList<DirectoryRow>> ChildDirectoriesAsync(CatalogSession session, long parentId,
        string? after, int limit, bool includeDisabled, CancellationToken ct)
    {
        var sql = "SELECT id AS Id, name AS Name, path AS Path, state AS State FROM stobj WHERE parent_id = @ParentId AND type = 'directory'"
            + (after is null ? "" : " AND name > @After")
            + (includeDisabled ? "" : " AND state = 'enabled'")
            + " ORDER BY name LIMIT @Limit";
        var rows = await session.QueryAsync<DirectoryRow>(sql, new
        {
            ParentId = parentId,
            After = after is null ? null : CatalogNames.Argument(session.Dialect, after),
            Limit = limit,
        }, ct);
        return rows.AsList();
    }

    /// <summary>Objects directly in <paramref name="parentId"/>, unexpired (and enabled unless admin), in name order.</summary>
    public async Task<IReadOnlyList<ListingRow>> ChildObjectsAsync(CatalogSession session, long parentId, int limit,
        bool includeDisabled, long nowSeconds, CancellationToken ct)
    {
        var sql = "SELECT path AS Name, size AS Bytes, etag AS Hash, content_type AS ContentType, x_timestamp AS Timestamp FROM stobj"
            + " WHERE parent_id = @ParentId AND type = 'object' AND (delete_at IS NULL OR delete_at > @Now)"
            + (includeDisabled ? "" : " AND state = 'enabled'")
            + " ORDER BY name LIMIT @Limit";
        var rows = await session.QueryAsync<ListingRow>(sql, new { ParentId = parentId, Now = nowSeconds, Limit = limit }, ct);
        return rows.AsList();
    }

    /// <summary>Paths of the disabled directories of a container inside <paramref name="range"/> (null: all), in byte order.</summary>
    public async Task<IReadOnlyList<string>> DisabledDirectoriesAsync(CatalogSession session, long containerId,
        PathRange? range, CancellationToken ct)
    {
        var dialect = session.Dialect;
        var sql = $"SELECT path AS Name FROM stobj {IndexHint(dialect)} WHERE container_id = @ContainerId AND type = 'directory'"
            + (range is null ? "" : " AND path >= @Lower AND path < @Upper")
            + " AND state = 'disabled' ORDER BY path";
        var rows = await session.QueryAsync<ListingRow>(sql, new
        {
            ContainerId = containerId,
            Lower = range is null ? null : CatalogNames.Argument(dialect, range.Lower),
            Upper = range is null ? null : CatalogNames.Argument(dialect, range.Upper),
        }, ct);
        return rows.Select(r => CatalogNames.Read(r.Name)).ToList();
    }

    /// <summary>
    /// Count and bytes of the unexpired objects inside <paramref name="range"/> (null: the
    /// whole container), without those inside <paramref name="excluded"/> (firewalled
    /// directories) and, unless admin, without disabled object rows.
    /// </summary>
    public async Task<(long Objects, long Bytes)> TotalsAsync(CatalogSession session, long containerId,
        PathRange? range, IReadOnlyList<PathRange> excluded, bool includeDisabled, long nowSeconds, CancellationToken ct)
    {
        var dialect = session.Dialect;
        var parameters = new DynamicParameters(new { ContainerId = containerId, Now = nowSeconds });
        var sql = new StringBuilder("SELECT COUNT(*) AS Objects, COALESCE(SUM(size), 0) AS Bytes FROM stobj ")
            .Append(IndexHint(dialect))
            .Append(" WHERE container_id = @ContainerId AND type = 'object'");
        if (range is not null)
        {
            sql.Append(" AND path >= @Lower AND path < @Upper");
            parameters.Add("Lower", CatalogNames.Argument(dialect, range.Lower));
            parameters.Add("Upper", CatalogNames.Argument(dialect, range.Upper));
        }

        sql.Append(" AND (delete_at IS NULL OR delete_at > @Now)").Append(includeDisabled ? "" : " AND state = 'enabled'");
        for (var i = 0; i < excluded.Count; i++)
        {
            sql.Append(" AND NOT (path >= @XL").Append(i).Append(" AND path < @XU").Append(i).Append(')');
            parameters.Add("XL" + i, CatalogNames.Argument(dialect, excluded[i].Lower));
            parameters.Add("XU" + i, CatalogNames.Argument(dialect, excluded[i].Upper));
        }

        var row = await session.SingleAsync<TotalsRow>(sql.ToString(), parameters, ct);
        return (row.Objects, (long)row.Bytes);
    }

    // As in ListingRepository: keep MariaDB on a range scan of the path index rather than a
    // 'ref' on (container_id, type) filtered row by row.
    private static string IndexHint(SqlDialect dialect) =>
        dialect.Provider == CatalogProvider.MySql ? $"FORCE INDEX ({PathIndex})" : $"INDEXED BY {PathIndex}";
}
