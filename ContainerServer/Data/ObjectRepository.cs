using CloudFs.Catalog;
using CloudFs.Common.Contracts;
using Dapper;

namespace CloudFs.ContainerServer.Data;

/// <summary>
/// Name → object in one statement: account by the unique (parent_id, type, name) index,
/// container by the same index, object by (container_id, type, path); the directory
/// firewall is a count over the object's ancestor directories, whose paths are the name's
/// prefixes before each '/', found with one (container_id, type, path) seek each; metadata
/// rides along by LEFT JOIN on its primary key.
/// </summary>
public sealed class ObjectRepository
{
    private const string Select = """
        SELECT o.id AS Id, o.path AS Name, o.size AS Bytes, o.etag AS Hash, o.content_type AS ContentType,
               o.blob_id AS BlobId, o.delete_at AS DeleteAt, o.x_timestamp AS XTimestamp, o.state AS State,
               o.policy_index AS PolicyIndex, o.slo_bytes AS SloBytes, o.slo_etag AS SloEtag,
               a.state AS AccountState, c.state AS ContainerState, {ANCESTORS} AS DisabledAncestors,
               m.kind AS MetaKind, m.name AS MetaName, m.value AS MetaValue, cv.value AS ContainerVersioned
        FROM stobj a
        JOIN stobj c ON c.parent_id = a.id AND c.type = 'container' AND c.name = @Container
        JOIN stobj o ON o.container_id = c.id AND o.type = @Type AND o.path = @Path{VERSION}
        LEFT JOIN metadata m ON m.stobj_id = o.id
        LEFT JOIN metadata cv ON cv.stobj_id = c.id AND cv.kind = 'sys' AND cv.name = 'versions-kept'
        WHERE a.parent_id = @Root AND a.type = 'account' AND a.name = @Account
        """;

    /// <summary>Whether the container exists, and whether object versioning was ever enabled there.</summary>
    public async Task<(bool Exists, bool Versioned)> ContainerVersioningAsync(CatalogSession session, string account, string container, CancellationToken ct)
    {
        var dialect = session.Dialect;
        var rows = (await session.QueryAsync<string?>("""
            SELECT COALESCE(cv.value, '') FROM stobj a
            JOIN stobj c ON c.parent_id = a.id AND c.type = 'container' AND c.name = @Container
            LEFT JOIN metadata cv ON cv.stobj_id = c.id AND cv.kind = 'sys' AND cv.name = 'versions-kept'
            WHERE a.parent_id = @Root AND a.type = 'account' AND a.name = @Account
            """, new { Root = CatalogSchema.RootId, Account = CatalogNames.Argument(dialect, account), Container = CatalogNames.Argument(dialect, container) },
            ct)).ToList();
        return (rows.Count > 0, rows.Count > 0 && !string.IsNullOrEmpty(rows[0]));
    }

    /// <summary>
    /// The object row of a name, or with <paramref name="version"/> (x_timestamp units) its kept
    /// version of that id (a 'version' row, see object versioning).
    /// </summary>
    public async Task<IReadOnlyList<ObjectRow>> FindAsync(CatalogSession session, string account,
        string container, string path, IReadOnlyList<string> ancestors, CancellationToken ct, long? version = null)
    {
        var (sql, args) = Find(session.Dialect, account, container, path, ancestors, version);
        var parameters = new DynamicParameters();
        foreach (var (name, value) in args)
        {
            parameters.Add(name, value);
        }

        var rows = await session.QueryAsync<ObjectRow>(sql, parameters, ct);
        return rows.AsList();
    }

    /// <summary>The current object row of a name, in one statement prepared once per connection.</summary>
    public Task<IReadOnlyList<ObjectRow>> FindAsync(PreparedReads reads, string account,
        string container, string path, IReadOnlyList<string> ancestors, CancellationToken ct)
    {
        var (sql, args) = Find(reads.Dialect, account, container, path, ancestors, null);
        return reads.QueryAsync<ObjectRow>(sql, args, ct);
    }

    private static (string Sql, List<KeyValuePair<string, object?>> Args) Find(SqlDialect dialect, string account,
        string container, string path, IReadOnlyList<string> ancestors, long? version)
    {
        var args = new List<KeyValuePair<string, object?>>(6 + ancestors.Count)
        {
            new("Type", version is null ? "object" : "version"),
            new("Root", CatalogSchema.RootId),
            new("Account", CatalogNames.Argument(dialect, account)),
            new("Container", CatalogNames.Argument(dialect, container)),
            new("Path", CatalogNames.Argument(dialect, path)),
        };
        if (version is not null)
        {
            args.Add(new("Version", version));
        }

        var ancestorsSql = "0";
        if (ancestors.Count > 0)
        {
            var names = new string[ancestors.Count];
            for (var i = 0; i < ancestors.Count; i++)
            {
                names[i] = "@D" + i;
                args.Add(new("D" + i, CatalogNames.Argument(dialect, ancestors[i])));
            }

            ancestorsSql = "(SELECT COUNT(*) FROM stobj d WHERE d.container_id = c.id AND d.type = 'directory' AND d.path IN ("
                + string.Join(", ", names) + ") AND d.state = 'disabled')";
        }

        var sql = Select.Replace("{ANCESTORS}", ancestorsSql, StringComparison.Ordinal)
            .Replace("{VERSION}", version is null ? "" : " AND o.x_timestamp = @Version", StringComparison.Ordinal);
        return (sql, args);
    }

    /// <summary>The pieces of a large object's body, in order.</summary>
    public async Task<IReadOnlyList<SegmentRef>> SegmentsAsync(CatalogSession session, long objectId, CancellationToken ct) =>
        (await session.QueryAsync<SegmentRow>("""
            SELECT blob_id AS BlobId, policy_index AS PolicyIndex, blob_offset AS BlobOffset, length AS Length, blob_bytes AS BlobBytes
            FROM segment WHERE object_id = @Id ORDER BY seq
            """, new { Id = objectId }, ct)).Select(r => new SegmentRef(r.BlobId, r.PolicyIndex, r.BlobOffset, r.Length, r.BlobBytes)).ToList();

    private sealed class SegmentRow
    {
        public string BlobId { get; init; } = "";

        public int PolicyIndex { get; init; }

        public long BlobOffset { get; init; }

        public long Length { get; init; }

        public long BlobBytes { get; init; }
    }
}
