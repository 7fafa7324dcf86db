using System.Data.Common;
using System.Text;
using CloudFs.Catalog;
using Dapper;
using Microsoft.Extensions.Logging.Abstractions;

namespace CloudFs.IntegrationTests.ContainerServer;

/// <summary>
/// Test-only writer of catalog rows as docs/catalog.md lays them out (the account server is
/// the real writer): account under root 1, container, a directory row per prefix segment,
/// object rows with path = full name, quota rows holding usage, metadata rows.
/// </summary>
internal sealed class CatalogSeeder : IAsyncDisposable
{
    private readonly CatalogDatabase _database;
    private readonly DbConnection _connection;
    private readonly Dictionary<(long Container, string Path), long> _directories = new();

    private CatalogSeeder(CatalogDatabase database, DbConnection connection)
    {
        _database = database;
        _connection = connection;
    }

    public static async Task<CatalogSeeder> OpenAsync(CatalogOptions options)
    {
        var database = new CatalogDatabase(options);
        await Migrator(database, options).MigrateAsync(CancellationToken.None);
        return new CatalogSeeder(database, await database.OpenConnectionAsync(CancellationToken.None));
    }

    /// <summary>Brings the catalog to the newest schema, as the account server does at start.</summary>
    public static async Task MigrateAsync(CatalogOptions options)
    {
        await using var database = new CatalogDatabase(options);
        await Migrator(database, options).MigrateAsync(CancellationToken.None);
    }

    public async Task<long> AccountAsync(string name, long xTimestamp)
    {
        var id = await InsertAsync(1, null, null, name, "", "account", xTimestamp);
        await ExecuteAsync("UPDATE stobj SET account_id = id WHERE id = @Id", new { Id = id });
        await ExecuteAsync("INSERT INTO quota (stobj_id) VALUES (@Id)", new { Id = id });
        return id;
    }

    public async Task<long> ContainerAsync(long accountId, string name, long xTimestamp)
    {
        var id = await InsertAsync(accountId, accountId, null, name, "", "container", xTimestamp);
        await ExecuteAsync("UPDATE stobj SET container_id = id WHERE id = @Id", new { Id = id });
        await ExecuteAsync("INSERT INTO quota (stobj_id) VALUES (@Id)", new { Id = id });
        return id;
    }

    /// <summary>Adds an object with its missing directories and counts it in container and account usage.</summary>
    public async Task<long> ObjectAsync(long accountId, long containerId, string name, long size, string etag, string contentType,
        long xTimestamp, long? deleteAt = null)
    {
        var segments = name.Split('/');
        var parent = containerId;
        for (var depth = 1; depth < segments.Length; depth++)
        {
            var path = string.Join('/', segments[..depth]);
            if (!_directories.TryGetValue((containerId, path), out var directory))
            {
                directory = await InsertAsync(parent, accountId, containerId, segments[depth - 1], path, "directory", xTimestamp);
                _directories[(containerId, path)] = directory;
            }

            parent = directory;
        }

        var id = await InsertAsync(parent, accountId, containerId, segments[^1], name, "object", xTimestamp);
        await ExecuteAsync("""
            UPDATE stobj SET size = @Size, etag = @Etag, content_type = @ContentType, blob_id = @BlobId, delete_at = @DeleteAt
            WHERE id = @Id
            """, new { Id = id, Size = size, Etag = etag, ContentType = contentType, BlobId = Guid.NewGuid().ToString("N"), DeleteAt = deleteAt });
        await ExecuteAsync("UPDATE quota SET used_bytes = used_bytes + @Size, used_objects = used_objects + 1 WHERE stobj_id IN (@Account, @Container)",
            new { Size = size, Account = accountId, Container = containerId });
        return id;
    }

    public long DirectoryId(long containerId, string path) => _directories[(containerId, path)];

    public Task MetadataAsync(long stobjId, string kind, string name, string value) =>
        ExecuteAsync("INSERT INTO metadata (stobj_id, kind, name, value) VALUES (@Id, @Kind, @Name, @Value)",
            new { Id = stobjId, Kind = kind, Name = name, Value = value });

    public Task QuotaAsync(long stobjId, long? maxBytes, long? maxObjects) =>
        ExecuteAsync("UPDATE quota SET max_bytes = @MaxBytes, max_objects = @MaxObjects WHERE stobj_id = @Id",
            new { Id = stobjId, MaxBytes = maxBytes, MaxObjects = maxObjects });

    /// <summary>Overrides usage, as Swift's recorded (and CloudFs's exact) counters show it.</summary>
    public Task UsageAsync(long stobjId, long usedBytes, long usedObjects) =>
        ExecuteAsync("UPDATE quota SET used_bytes = @Bytes, used_objects = @Objects WHERE stobj_id = @Id",
            new { Id = stobjId, Bytes = usedBytes, Objects = usedObjects });

    /// <summary>A container's storage policy, or the policy whose ring holds an object's blob.</summary>
    public Task PolicyAsync(long stobjId, int policyIndex) =>
        ExecuteAsync("UPDATE stobj SET policy_index = @Policy WHERE id = @Id", new { Id = stobjId, Policy = policyIndex });

    public Task DisableAsync(long stobjId) => ExecuteAsync("UPDATE stobj SET state = 'disabled' WHERE id = @Id", new { Id = stobjId });

    public async ValueTask DisposeAsync()
    {
        await _connection.DisposeAsync();
        await _database.DisposeAsync();
    }

    private async Task<long> InsertAsync(long parentId, long? accountId, long? containerId, string name, string path, string type, long xTimestamp)
    {
        await ExecuteAsync("""
            INSERT INTO stobj (parent_id, account_id, container_id, name, path, type, state, x_timestamp, created_at, modified_at)
            VALUES (@ParentId, @AccountId, @ContainerId, @Name, @Path, @Type, 'enabled', @XTimestamp, 0, 0)
            """, new { ParentId = parentId, AccountId = accountId, ContainerId = containerId, Name = Bytes(name), Path = Bytes(path), Type = type, XTimestamp = xTimestamp });
        var select = _database.Provider == CatalogProvider.MySql ? "SELECT LAST_INSERT_ID()" : "SELECT last_insert_rowid()";
        return await _connection.ExecuteScalarAsync<long>(new CommandDefinition(select, cancellationToken: CancellationToken.None));
    }

    private static SchemaMigrator Migrator(CatalogDatabase database, CatalogOptions options) =>
        new(database, options, NullLogger<SchemaMigrator>.Instance);

    // VARBINARY on MariaDB takes the UTF-8 bytes; SQLite keeps TEXT.
    private object Bytes(string value) => _database.Provider == CatalogProvider.MySql ? Encoding.UTF8.GetBytes(value) : value;

    private Task ExecuteAsync(string sql, object args) =>
        _connection.ExecuteAsync(new CommandDefinition(sql, args, cancellationToken: CancellationToken.None));
}
