using CloudFs.Catalog;
using Dapper;
using Microsoft.Extensions.Logging.Abstractions;

namespace CloudFs.IntegrationTests.Catalog;

public sealed class SchemaMigratorTests(CatalogProvider provider) : CatalogFixtureBase(provider)
{
    private static readonly string[] ExpectedTables =
    [
        "schema_version", "user", "stobj", "record", "quota", "metadata", "webconf", "token",
        "host", "host_cpu", "host_mem", "host_net", "host_disk",
        "stat_cpu", "stat_mem", "stat_net", "stat_disk", "stat_storage",
    ];

    [Test]
    public async Task MigrateAsync_EmptyDatabase_CreatesEveryCatalogTable()
    {
        await using var database = new CatalogDatabase(Options);
        var migrator = NewMigrator(database);

        var applied = await migrator.MigrateAsync(CancellationToken.None);

        Assert.That(applied, Is.EqualTo(migrator.Migrations.Count));
        Assert.That(await TablesAsync(database), Is.SupersetOf(ExpectedTables));
        Assert.That(await migrator.CurrentVersionAsync(CancellationToken.None), Is.EqualTo(migrator.Migrations[^1].Version));
    }

    [Test]
    public async Task CatalogSchema_EmptyDatabase_VersionZeroWithoutCreatingAnything()
    {
        await using var database = new CatalogDatabase(Options);

        var version = await new CatalogSchema(database).AppliedVersionAsync(CancellationToken.None);

        Assert.That(version, Is.Zero);
        Assert.That(await TablesAsync(database), Is.Empty);
    }

    [Test]
    public async Task CatalogSchema_Migrated_AtTheVersionThisBuildRequires()
    {
        await using var database = new CatalogDatabase(Options);
        var migrator = NewMigrator(database);
        await migrator.MigrateAsync(CancellationToken.None);

        var version = await new CatalogSchema(database).AppliedVersionAsync(CancellationToken.None);

        Assert.That(version, Is.EqualTo(migrator.Migrations[^1].Version).And.EqualTo(CatalogSchema.RequiredVersion));
    }

    [Test]
    public async Task MigrateAsync_SecondRun_AppliesNothing()
    {
        await using var database = new CatalogDatabase(Options);
        await NewMigrator(database).MigrateAsync(CancellationToken.None);

        var applied = await NewMigrator(database).MigrateAsync(CancellationToken.None);

        Assert.That(applied, Is.Zero);
    }

    [Test]
    public async Task MigrateAsync_ManyServersAtOnce_ExactlyOneApplies()
    {
        // Separate CatalogDatabase instances stand for separate processes: no shared pool.
        var databases = Enumerable.Range(0, 8).Select(_ => new CatalogDatabase(Options)).ToList();
        try
        {
            var results = await Task.WhenAll(databases.Select(db => Task.Run(() => NewMigrator(db).MigrateAsync(CancellationToken.None))));

            Assert.That(results.Sum(), Is.EqualTo(NewMigrator(databases[0]).Migrations.Count));
            Assert.That(results.Count(r => r > 0), Is.EqualTo(1));
            await using var connection = await databases[0].OpenConnectionAsync(CancellationToken.None);
            var rows = await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM schema_version");
            Assert.That(rows, Is.EqualTo(NewMigrator(databases[0]).Migrations.Count));
        }
        finally
        {
            foreach (var db in databases)
            {
                await db.DisposeAsync();
            }
        }
    }

    [Test]
    public async Task MigrateAsync_RootRow_IsCreatedOnce()
    {
        await using var database = new CatalogDatabase(Options);
        await NewMigrator(database).MigrateAsync(CancellationToken.None);

        await using var connection = await database.OpenConnectionAsync(CancellationToken.None);
        var roots = await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM stobj WHERE type = 'root' AND id = 1");

        Assert.That(roots, Is.EqualTo(1));
    }

    [Test]
    public async Task StobjParent_DeletingADirectory_CascadesToChildren()
    {
        await using var database = new CatalogDatabase(Options);
        await NewMigrator(database).MigrateAsync(CancellationToken.None);
        await using var connection = await database.OpenConnectionAsync(CancellationToken.None);
        const string insert = """
            INSERT INTO stobj (parent_id, name, path, type, x_timestamp, created_at, modified_at)
            VALUES (@Parent, @Name, @Name, @Type, 0, 0, 0) RETURNING id
            """;
        var account = await connection.ExecuteScalarAsync<long>(insert, new { Parent = 1, Name = "AUTH_t", Type = "account" });
        var dir = await connection.ExecuteScalarAsync<long>(insert, new { Parent = account, Name = "d", Type = "directory" });
        await connection.ExecuteScalarAsync<long>(insert, new { Parent = dir, Name = "f", Type = "object" });

        await connection.ExecuteAsync("DELETE FROM stobj WHERE id = @Id", new { Id = dir });

        var left = await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM stobj WHERE parent_id = @Id OR id = @Id", new { Id = dir });
        Assert.That(left, Is.Zero);
    }

    [Test]
    public async Task StobjName_DuplicateInOneParent_IsRejected()
    {
        await using var database = new CatalogDatabase(Options);
        await NewMigrator(database).MigrateAsync(CancellationToken.None);
        await using var connection = await database.OpenConnectionAsync(CancellationToken.None);
        const string insert = """
            INSERT INTO stobj (parent_id, name, path, type, x_timestamp, created_at, modified_at)
            VALUES (1, 'AUTH_dup', '', 'account', 0, 0, 0)
            """;
        await connection.ExecuteAsync(insert);

        Assert.That(async () => await connection.ExecuteAsync(insert), Throws.InstanceOf<System.Data.Common.DbException>());
    }

    private SchemaMigrator NewMigrator(CatalogDatabase database) =>
        new(database, Options, NullLogger<SchemaMigrator>.Instance);

    private async Task<IReadOnlyList<string>> TablesAsync(CatalogDatabase database)
    {
        await using var connection = await database.OpenConnectionAsync(CancellationToken.None);
        var sql = Provider == CatalogProvider.MySql
            ? "SELECT table_name FROM information_schema.tables WHERE table_schema = DATABASE()"
            : "SELECT name FROM sqlite_master WHERE type = 'table'";
        return (await connection.QueryAsync<string>(sql)).ToList();
    }
}
