using System.Data.Common;
using System.Diagnostics;
using System.Text;
using CloudFs.Catalog;
using Dapper;

namespace CloudFs.Bench.Listing;

/// <summary>
/// Bulk-loads an account with containers of the given shapes as docs/catalog.md lays the
/// rows out (directory rows per segment, object rows with the full path, quota rows with
/// usage), with multi-row INSERTs of 2,000 rows in transactions of 50,000.
/// </summary>
public sealed class BenchLoader(CatalogDatabase database)
{
    private const int RowsPerInsert = 2_000;
    private const int RowsPerTransaction = 50_000;
    private const long BaseTimestamp = 173_244_123_456_789;

    public async Task<TimeSpan> LoadAsync(string account, IReadOnlyList<ContainerShape> shapes, TextWriter output, CancellationToken ct)
    {
        var watch = Stopwatch.StartNew();
        await using var connection = await database.OpenConnectionAsync(ct);
        if (database.Provider == CatalogProvider.MySql)
        {
            await ExecuteAsync(connection, "SET SESSION unique_checks = 0, foreign_key_checks = 0", ct);
        }

        var accountId = await InsertOneAsync(connection, 1, null, null, account, "", "account", ct);
        await ExecuteAsync(connection, $"UPDATE stobj SET account_id = id WHERE id = {accountId}", ct);
        long totalBytes = 0;
        long totalObjects = 0;
        foreach (var shape in shapes)
        {
            var containerId = await InsertOneAsync(connection, accountId, accountId, null, shape.Name, "", "container", ct);
            await ExecuteAsync(connection, $"UPDATE stobj SET container_id = id WHERE id = {containerId}", ct);
            var directories = new Dictionary<string, long>(StringComparer.Ordinal);
            foreach (var top in shape.TopDirectories())
            {
                directories[top] = await InsertOneAsync(connection, containerId, accountId, containerId, top, top, "directory", ct);
            }

            foreach (var middle in shape.MiddleDirectories())
            {
                var slash = middle.IndexOf('/', StringComparison.Ordinal);
                directories[middle] = await InsertOneAsync(connection, directories[middle[..slash]], accountId, containerId,
                    middle[(slash + 1)..], middle, "directory", ct);
            }

            var rows = Objects(shape, directories, containerId);
            var (bytes, objects) = await InsertObjectsAsync(connection, accountId, containerId, rows, output, shape.Name, ct);
            await ExecuteAsync(connection, $"INSERT INTO quota (stobj_id, used_bytes, used_objects) VALUES ({containerId}, {bytes}, {objects})", ct);
            totalBytes += bytes;
            totalObjects += objects;
        }

        await ExecuteAsync(connection, $"INSERT INTO quota (stobj_id, used_bytes, used_objects) VALUES ({accountId}, {totalBytes}, {totalObjects})", ct);
        if (database.Provider == CatalogProvider.MySql)
        {
            await ExecuteAsync(connection, "ANALYZE TABLE stobj", ct);
        }
        else
        {
            await ExecuteAsync(connection, "ANALYZE stobj", ct);
        }

        return watch.Elapsed;
    }

    private static IEnumerable<(long Parent, string Name, string Path)> Objects(ContainerShape shape, Dictionary<string, long> directories, long containerId)
    {
        foreach (var middle in shape.MiddleDirectories())
        {
            for (var leaf = 0; leaf < ContainerShape.Leaves; leaf++)
            {
                var name = ContainerShape.Leaf(leaf);
                yield return (directories[middle], name, middle + "/" + name);
            }
        }

        for (var i = 0; i < shape.Flat; i++)
        {
            var name = ContainerShape.FlatName(i);
            yield return (containerId, name, name);
        }
    }

    private async Task<(long Bytes, long Objects)> InsertObjectsAsync(DbConnection connection, long accountId, long containerId,
        IEnumerable<(long Parent, string Name, string Path)> rows, TextWriter output, string container, CancellationToken ct)
    {
        long bytes = 0;
        long count = 0;
        var sql = new StringBuilder();
        var inStatement = 0;
        DbTransaction? transaction = null;
        foreach (var (parent, name, path) in rows)
        {
            transaction ??= await connection.BeginTransactionAsync(ct);
            var size = count % 10_000;
            sql.Append(inStatement == 0
                    ? "INSERT INTO stobj (parent_id, account_id, container_id, name, path, type, state, size, etag, content_type, blob_id, x_timestamp, created_at, modified_at) VALUES "
                    : ",")
                .Append('(').Append(parent).Append(',').Append(accountId).Append(',').Append(containerId)
                .Append(",'").Append(name).Append("','").Append(path).Append("','object','enabled',").Append(size)
                .Append(",'").Append(count.ToString("x32")).Append("','application/octet-stream','")
                .Append((count + (containerId << 40)).ToString("x32")).Append("',").Append(BaseTimestamp + count).Append(",0,0)");
            bytes += size;
            count++;
            if (++inStatement == RowsPerInsert)
            {
                await ExecuteAsync(connection, sql.ToString(), ct, transaction);
                sql.Clear();
                inStatement = 0;
            }

            if (count % RowsPerTransaction == 0)
            {
                await transaction.CommitAsync(ct);
                await transaction.DisposeAsync();
                transaction = null;
                if (count % 200_000 == 0)
                {
                    await output.WriteLineAsync($"  {container}: {count:N0} objects loaded");
                }
            }
        }

        transaction ??= await connection.BeginTransactionAsync(ct);
        if (inStatement > 0)
        {
            await ExecuteAsync(connection, sql.ToString(), ct, transaction);
        }

        await transaction.CommitAsync(ct);
        await transaction.DisposeAsync();
        return (bytes, count);
    }

    private async Task<long> InsertOneAsync(DbConnection connection, long parentId, long? accountId, long? containerId, string name, string path, string type, CancellationToken ct)
    {
        await connection.ExecuteAsync(new CommandDefinition("""
            INSERT INTO stobj (parent_id, account_id, container_id, name, path, type, state, x_timestamp, created_at, modified_at)
            VALUES (@ParentId, @AccountId, @ContainerId, @Name, @Path, @Type, 'enabled', @Ts, 0, 0)
            """, new { ParentId = parentId, AccountId = accountId, ContainerId = containerId, Name = name, Path = path, Type = type, Ts = BaseTimestamp },
            cancellationToken: ct));
        var select = database.Provider == CatalogProvider.MySql ? "SELECT LAST_INSERT_ID()" : "SELECT last_insert_rowid()";
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition(select, cancellationToken: ct));
    }

    private static Task ExecuteAsync(DbConnection connection, string sql, CancellationToken ct, DbTransaction? transaction = null) =>
        connection.ExecuteAsync(new CommandDefinition(sql, transaction: transaction, commandTimeout: 600, cancellationToken: ct));
}
