using CloudFs.Catalog;
using CloudFs.IntegrationTests.Hosting;

namespace CloudFs.IntegrationTests.Catalog;

/// <summary>
/// Runs a test class once against MariaDB and once against SQLite, each test on a fresh,
/// empty catalog of its own.
/// </summary>
[TestFixture(CatalogProvider.MySql)]
[TestFixture(CatalogProvider.Sqlite)]
public abstract class CatalogFixtureBase(CatalogProvider provider)
{
    private TempDirectory? _directory;
    private string? _schema;

    protected CatalogProvider Provider { get; } = provider;

    protected CatalogOptions Options { get; private set; } = null!;

    protected string WorkDirectory => _directory!.Path;

    [SetUp]
    public async Task CreateCatalogAsync()
    {
        _directory = new TempDirectory();
        if (Provider == CatalogProvider.MySql)
        {
            _schema = TestDatabases.UniqueName("cloudfs_it");
            Options = await TestDatabases.CreateMySqlAsync(_schema);
        }
        else
        {
            Options = TestDatabases.CreateSqlite(_directory.Path);
        }
    }

    /// <summary>A database on this test's catalog; a SQLite file in WAL mode, as the schema migrator leaves every catalog.</summary>
    protected async Task<CatalogDatabase> OpenDatabaseAsync()
    {
        var database = new CatalogDatabase(Options);
        if (Provider == CatalogProvider.Sqlite)
        {
            await using var connection = await database.OpenConnectionAsync(CancellationToken.None);
            await using var wal = connection.CreateCommand();
            wal.CommandText = "PRAGMA journal_mode=WAL";
            await wal.ExecuteNonQueryAsync();
        }

        return database;
    }

    [TearDown]
    public async Task DropCatalogAsync()
    {
        if (_schema is not null)
        {
            await TestDatabases.DropMySqlAsync(_schema);
            _schema = null;
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _directory?.Dispose();
    }
}
