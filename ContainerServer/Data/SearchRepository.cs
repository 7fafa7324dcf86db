using System.Text;
using CloudFs.Catalog;
using CloudFs.ContainerServer.Core;
using Dapper;

namespace CloudFs.ContainerServer.Data;

/// <summary>
/// Search pages over the (account_id, type, name) index (migration 002), read in its
/// (name, id) order and cut by LIMIT: a name prefix, and the literal start of a glob, are
/// range bounds; substring and glob tests are evaluated on the index entries (MariaDB's
/// index condition pushdown, SQLite's index-only WHERE terms) before a row is fetched for
/// the other filters. Accounts are walked by the unique (parent_id, type, name) index.
/// </summary>
public sealed class SearchRepository
{
    private const string NameIndex = "ix_stobj_account_type_name";

    // A search with a leading wildcard may walk a whole account's index.
    private static readonly TimeSpan SearchTimeout = TimeSpan.FromSeconds(300);

    public async Task<IReadOnlyList<AccountRow>> AccountsAsync(CatalogSession session, string? from, bool inclusive,
        int limit, bool includeDisabled, CancellationToken ct)
    {
        var sql = "SELECT id AS Id, name AS Name, state AS State FROM stobj WHERE parent_id = @Root AND type = 'account'"
            + (from is null ? "" : inclusive ? " AND name >= @From" : " AND name > @From")
            + (includeDisabled ? "" : " AND state = 'enabled'")
            + " ORDER BY name LIMIT @Limit";
        var rows = await session.QueryAsync<AccountRow>(sql,
            new { Root = CatalogSchema.RootId, From = from is null ? null : CatalogNames.Argument(session.Dialect, from), Limit = limit }, ct);
        return rows.AsList();
    }

    public async Task<AccountRow?> ContainerAsync(CatalogSession session, long accountId, string name, CancellationToken ct) =>
        await session.SingleOrDefaultAsync<AccountRow>(
            "SELECT id AS Id, name AS Name, state AS State FROM stobj WHERE parent_id = @AccountId AND type = 'container' AND name = @Name",
            new { AccountId = accountId, Name = CatalogNames.Argument(session.Dialect, name) }, ct);

    /// <summary>
    /// The next <paramref name="limit"/> rows of one account matching the request, after
    /// <paramref name="after"/> (a (name, id) keyset position) when given.
    /// </summary>
    public async Task<IReadOnlyList<SearchRow>> SearchAsync(CatalogSession session, long accountId,
        SearchRequest request, long? containerId, (string Name, long Id)? after, int limit, bool includeDisabled, long nowSeconds,
        CancellationToken ct)
    {
        var dialect = session.Dialect;
        var mysql = dialect.Provider == CatalogProvider.MySql;
        var parameters = new DynamicParameters(new { AccountId = accountId, request.Type, Now = nowSeconds, Limit = limit });
        var sql = new StringBuilder("""
            SELECT o.id AS Id, o.name AS Name, o.path AS Path, o.size AS Bytes, o.etag AS Hash, o.content_type AS ContentType,
                   o.x_timestamp AS Timestamp, o.container_id AS ContainerId, c.name AS Container
            FROM stobj o
            """)
            .Append(mysql ? $" FORCE INDEX ({NameIndex})" : $" INDEXED BY {NameIndex}")
            .Append(" JOIN stobj c ON c.id = o.container_id")
            .Append(" WHERE o.account_id = @AccountId AND o.type = @Type");

        var pattern = request.Name;
        var lower = pattern.LiteralPrefix.Length > 0 ? pattern.LiteralPrefix : null;
        if (after is { } position && (lower is null || Utf8Order.Compare(position.Name, lower) >= 0))
        {
            // The keyset: (name, id) > (@AfterName, @AfterId), as a range start plus a tie-break.
            lower = position.Name;
            sql.Append(" AND (o.name > @AfterName OR o.id > @AfterId)");
            parameters.Add("AfterName", CatalogNames.Argument(dialect, position.Name));
            parameters.Add("AfterId", position.Id);
        }

        if (lower is not null)
        {
            sql.Append(" AND o.name >= @Lower");
            parameters.Add("Lower", CatalogNames.Argument(dialect, lower));
        }

        if (pattern.LiteralPrefix.Length > 0)
        {
            sql.Append(" AND o.name < @Upper");
            parameters.Add("Upper", CatalogNames.Argument(dialect, Utf8Order.NextAfter(pattern.LiteralPrefix)));
        }

        if (pattern.Kind is NamePatternKind.Substring or NamePatternKind.Glob)
        {
            if (!mysql)
            {
                sql.Append(" AND o.name GLOB @Pattern");
                parameters.Add("Pattern", pattern.ToGlob());
            }
            else if (pattern.HasSingleWildcard)
            {
                // '?' is one character: compare characters, not the bytes of VARBINARY.
                sql.Append(" AND CONVERT(o.name USING utf8mb4) COLLATE utf8mb4_bin LIKE @Pattern");
                parameters.Add("Pattern", pattern.ToLike());
            }
            else
            {
                // Runs and literals match the same on UTF-8 bytes: stay binary.
                sql.Append(" AND o.name LIKE @Pattern");
                parameters.Add("Pattern", Encoding.UTF8.GetBytes(pattern.ToLike()));
            }
        }

        Filter(sql, parameters, "o.container_id = @ContainerId", "ContainerId", containerId);
        Filter(sql, parameters, "o.size >= @MinSize", "MinSize", request.MinSize);
        Filter(sql, parameters, "o.size <= @MaxSize", "MaxSize", request.MaxSize);
        Filter(sql, parameters, "o.x_timestamp >= @After", "After", request.ModifiedAfter * Common.Time.Timestamp.UnitsPerSecond);
        Filter(sql, parameters, "o.x_timestamp < @Before", "Before", request.ModifiedBefore * Common.Time.Timestamp.UnitsPerSecond);
        sql.Append(" AND (o.delete_at IS NULL OR o.delete_at > @Now)")
            .Append(includeDisabled ? "" : " AND o.state = 'enabled' AND c.state = 'enabled'")
            .Append(" ORDER BY o.name, o.id LIMIT @Limit");
        var rows = await session.QueryAsync<SearchRow>(sql.ToString(), parameters, SearchTimeout, ct);
        return rows.AsList();
    }

    private static void Filter(StringBuilder sql, DynamicParameters parameters, string condition, string name, long? value)
    {
        if (value is { } v)
        {
            sql.Append(" AND ").Append(condition);
            parameters.Add(name, v);
        }
    }
}
