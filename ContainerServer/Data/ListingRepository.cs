using System.Text;
using CloudFs.Catalog;
using CloudFs.ContainerServer.Core;
using Dapper;

namespace CloudFs.ContainerServer.Data;

/// <summary>
/// Keyset pages of listings. Objects page over the (container_id, type, path) index and
/// containers over the unique (parent_id, type, name) index: an equality prefix plus a
/// range on the name, read in index order and cut by LIMIT, so a page costs one seek plus
/// the rows returned, whatever the container's size. No OFFSET anywhere.
/// </summary>
public sealed class ListingRepository
{
    private const string ObjectColumns =
        "SELECT path AS Name, COALESCE(slo_bytes, size) AS Bytes, etag AS Hash, content_type AS ContentType, x_timestamp AS Timestamp, slo_etag AS SloEtag FROM stobj ";

    private const string ContainerColumns =
        "SELECT c.name AS Name, COALESCE(q.used_objects, 0) AS Count, COALESCE(q.used_bytes, 0) AS Bytes, c.x_timestamp AS Timestamp FROM stobj c ";

    private const string ObjectIndex = "ix_stobj_container_type_path";
    private const string ContainerIndex = "ux_stobj_parent_type_name";

    public async Task<IReadOnlyList<ListingItem>> ObjectsAsync(CatalogSession session, long containerId,
        ListingRange range, bool includeDisabled, long nowSeconds, CancellationToken ct)
    {
        var dialect = session.Dialect;
        var sql = new StringBuilder(ObjectColumns)
            .Append(IndexHint(dialect, ObjectIndex))
            .Append(" WHERE container_id = @ContainerId AND type = 'object'")
            .Append(Bounds("path", range))
            .Append(" AND (delete_at IS NULL OR delete_at > @Now)")
            .Append(includeDisabled ? "" : " AND state = 'enabled'")
            .Append(range.Reverse ? " ORDER BY path DESC" : " ORDER BY path")
            .Append(" LIMIT @Limit");
        var rows = await session.QueryAsync<ListingRow>(sql.ToString(), new
        {
            ContainerId = containerId,
            Lower = range.Lower is null ? null : CatalogNames.Argument(dialect, range.Lower),
            Upper = range.Upper is null ? null : CatalogNames.Argument(dialect, range.Upper),
            Now = nowSeconds,
            range.Limit,
        }, ct);
        return rows.Select(r => new ListingItem(CatalogNames.Read(r.Name), Bytes: r.Bytes, Hash: r.Hash,
            ContentType: r.ContentType, Timestamp: r.Timestamp, SloEtag: r.SloEtag)).ToList();
    }

    public async Task<IReadOnlyList<ListingItem>> ContainersAsync(CatalogSession session, long accountId,
        ListingRange range, bool includeDisabled, CancellationToken ct)
    {
        var dialect = session.Dialect;
        var sql = new StringBuilder(ContainerColumns)
            .Append(IndexHint(dialect, ContainerIndex))
            .Append(" LEFT JOIN quota q ON q.stobj_id = c.id")
            .Append(" WHERE c.parent_id = @AccountId AND c.type = 'container'")
            .Append(Bounds("c.name", range))
            .Append(includeDisabled ? "" : " AND c.state = 'enabled'")
            .Append(range.Reverse ? " ORDER BY c.name DESC" : " ORDER BY c.name")
            .Append(" LIMIT @Limit");
        var rows = await session.QueryAsync<ListingRow>(sql.ToString(), new
        {
            AccountId = accountId,
            Lower = range.Lower is null ? null : CatalogNames.Argument(dialect, range.Lower),
            Upper = range.Upper is null ? null : CatalogNames.Argument(dialect, range.Upper),
            range.Limit,
        }, ct);
        return rows.Select(r => new ListingItem(CatalogNames.Read(r.Name), Bytes: r.Bytes, Count: r.Count,
            Timestamp: r.Timestamp)).ToList();
    }

    /// <summary>
    /// The links among the given object paths of a container (links are zero-byte objects, so
    /// callers ask only about those): one (container_id, type, path) seek each, plus their sys rows.
    /// </summary>
    public async Task<IReadOnlyDictionary<string, ListingSymlink>> SymlinksAsync(CatalogSession session, long containerId,
        IReadOnlyCollection<string> paths, CancellationToken ct)
    {
        var found = new Dictionary<string, Dictionary<string, string>>(StringComparer.Ordinal);
        foreach (var chunk in paths.Chunk(500))
        {
            var parameters = new DynamicParameters(new { ContainerId = containerId, ListingSymlink.Keys });
            var names = new string[chunk.Length];
            for (var i = 0; i < chunk.Length; i++)
            {
                names[i] = "@P" + i;
                parameters.Add("P" + i, CatalogNames.Argument(session.Dialect, chunk[i]));
            }

            var sql = "SELECT o.path AS Name, m.name AS MetaName, m.value AS MetaValue FROM stobj o"
                + " JOIN metadata m ON m.stobj_id = o.id AND m.kind = 'sys' AND m.name IN @Keys"
                + " WHERE o.container_id = @ContainerId AND o.type = 'object' AND o.path IN (" + string.Join(", ", names) + ")";
            foreach (var row in await session.QueryAsync<SymlinkRow>(sql, parameters, ct))
            {
                var name = CatalogNames.Read(row.Name);
                if (!found.TryGetValue(name, out var sys))
                {
                    found[name] = sys = new Dictionary<string, string>(StringComparer.Ordinal);
                }

                sys[row.MetaName] = row.MetaValue;
            }
        }

        return found.Select(f => (f.Key, Link: ListingSymlink.From(f.Value)))
            .Where(f => f.Link is not null)
            .ToDictionary(f => f.Key, f => f.Link!, StringComparer.Ordinal);
    }

    /// <summary>Which of the given directory paths of a container are disabled (one IN-list seek per path).</summary>
    public async Task<IReadOnlyList<string>> DisabledDirectoriesAsync(CatalogSession session, long containerId,
        IReadOnlyCollection<string> paths, CancellationToken ct)
    {
        var found = new List<string>();
        foreach (var chunk in paths.Chunk(500))
        {
            var parameters = new DynamicParameters(new { ContainerId = containerId });
            var names = new string[chunk.Length];
            for (var i = 0; i < chunk.Length; i++)
            {
                names[i] = "@D" + i;
                parameters.Add("D" + i, CatalogNames.Argument(session.Dialect, chunk[i]));
            }

            var sql = "SELECT path AS Name FROM stobj WHERE container_id = @ContainerId AND type = 'directory' AND path IN ("
                + string.Join(", ", names) + ") AND state = 'disabled'";
            var rows = await session.QueryAsync<ListingRow>(sql, parameters, ct);
            found.AddRange(rows.Select(r => CatalogNames.Read(r.Name)));
        }

        return found;
    }

    // MariaDB's optimizer prefers 'ref' on the (container_id, type) prefix when the name
    // range is wide, then filters the range row by row from the prefix's first entry: a page
    // deep into a large container would read everything before it. Forcing the index makes
    // it a 'range' access that starts at the bound. SQLite is pinned the same way.
    private static string IndexHint(SqlDialect dialect, string index) =>
        dialect.Provider == CatalogProvider.MySql ? $"FORCE INDEX ({index})" : $"INDEXED BY {index}";

    private static string Bounds(string column, ListingRange range) =>
        (range.Lower is null ? "" : $" AND {column} {(range.LowerInclusive ? ">=" : ">")} @Lower")
        + (range.Upper is null ? "" : $" AND {column} < @Upper");
}
