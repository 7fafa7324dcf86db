using System.Text;
using CloudFs.Catalog;

namespace CloudFs.AccountServer.Data;

/// <summary>SQL for the <c>record</c> table (the operation history).</summary>
public sealed class RecordRepository
{
    /// <summary>Adds a record to the history (sent with the session's next statement).</summary>
    public Task InsertAsync(CatalogSession session, OperationRecord record, CancellationToken ct)
    {
        session.Defer("""
            INSERT INTO record (user_id, account, action, path, stobj_id, size, trans_id, result, detail, created_at)
            VALUES (@UserId, @Account, @Action, @Path, @StobjId, @Size, @TransId, @Result, @Detail, @CreatedAt)
            """, record);
        return Task.CompletedTask;
    }

    public async Task<IReadOnlyList<OperationRecord>> QueryAsync(CatalogSession session, RecordQuery query, CancellationToken ct)
    {
        // Only fixed fragments are appended; every value is a parameter.
        var sql = new StringBuilder("""
            SELECT id AS Id, user_id AS UserId, account AS Account, action AS Action, {PATH_AS_TEXT} AS Path, stobj_id AS StobjId,
                   size AS Size, trans_id AS TransId, result AS Result, detail AS Detail, created_at AS CreatedAt
            FROM record WHERE account = @Account
            """);
        if (query.UserId is not null)
        {
            sql.Append(" AND user_id = @UserId");
        }

        if (!string.IsNullOrEmpty(query.PathPrefix))
        {
            sql.Append(" AND path >= @PathFrom AND path < @PathTo");
        }

        if (query.Action is not null)
        {
            sql.Append(" AND action = @Action");
        }

        if (query.Since is not null)
        {
            sql.Append(" AND created_at >= @Since");
        }

        if (query.Until is not null)
        {
            sql.Append(" AND created_at < @Until");
        }

        if (query.BeforeId is not null)
        {
            sql.Append(" AND id < @BeforeId");
        }

        sql.Append(" ORDER BY id DESC LIMIT @Limit");
        var prefix = query.PathPrefix ?? "";
        return (await session.QueryAsync<OperationRecord>(sql.ToString(), new
        {
            query.Account, query.UserId, PathFrom = prefix, PathTo = prefix + "\U0010FFFF", query.Action, query.Since, query.Until, query.BeforeId, query.Limit,
        }, ct)).ToList();
    }
}
