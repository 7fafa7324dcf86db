using System.Text;
using CloudFs.Catalog;
using CloudFs.ContainerServer.Core;

namespace CloudFs.ContainerServer.Data;

/// <summary>
/// Keyset pages of a container's objects and kept versions together (object versioning's
/// <c>?versions</c>), over the (container_id, type, path) index: by name, the current object
/// before its versions, versions newest first.
/// </summary>
public sealed class VersionListingRepository
{
    public async Task<IReadOnlyList<VersionListingEntry>> PageAsync(CatalogSession session, long containerId, VersionPageStart start, bool reverse,
        bool includeDisabled, long nowSeconds, int limit, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(start);
        var dialect = session.Dialect;
        var pathOrder = reverse ? "DESC" : "";
        var sql = new StringBuilder("""
            SELECT o.path AS Name, o.size AS Bytes, o.etag AS Hash, o.content_type AS ContentType, o.x_timestamp AS Timestamp,
                   o.type AS Type, v.value AS VersionId
            FROM stobj o LEFT JOIN metadata v ON v.stobj_id = o.id AND v.kind = 'sys' AND v.name = 'version-id'
            WHERE o.container_id = @ContainerId AND o.type IN ('object', 'version')
              AND (o.type = 'version' OR o.delete_at IS NULL OR o.delete_at > @Now)
            """);
        if (!includeDisabled)
        {
            sql.Append(" AND o.state = 'enabled'");
        }

        // Names past the bound (inclusive or not), or the same name after the last row read.
        var cmp = reverse ? "<" : ">";
        if (start.Bound is not null)
        {
            sql.Append($" AND (o.path {cmp}{(start.Inclusive ? "=" : "")} @Bound");
            if (start.AfterType is not null)
            {
                sql.Append(" OR (o.path = @Bound AND (o.type > @AfterType OR (o.type = @AfterType AND o.x_timestamp < @AfterTimestamp)))");
            }

            sql.Append(')');
        }

        sql.Append($" ORDER BY o.path {pathOrder}, o.type, o.x_timestamp DESC LIMIT @Limit");
        var rows = await session.QueryAsync<VersionRow>(sql.ToString(), new
        {
            ContainerId = containerId,
            Now = nowSeconds,
            Bound = start.Bound is null ? null : CatalogNames.Argument(dialect, start.Bound),
            start.AfterType,
            start.AfterTimestamp,
            Limit = limit,
        }, ct);
        return rows.Select(r => new VersionListingEntry(CatalogNames.Read(r.Name), r.Bytes, r.Hash ?? "", r.ContentType ?? "", r.Timestamp,
            r.Type == "object", r.VersionId)).ToList();
    }
}
