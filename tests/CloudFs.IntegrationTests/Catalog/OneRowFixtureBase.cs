using CloudFs.Catalog;

namespace CloudFs.IntegrationTests.Catalog;

/// <summary>
/// A catalog holding one table, <c>item</c>, with one row whose <c>n</c> is 1: for tests of what
/// sessions see and keep while other sessions read and write the same row.
/// </summary>
public abstract class OneRowFixtureBase(CatalogProvider provider) : CatalogFixtureBase(provider)
{
    protected CatalogDatabase Database { get; private set; } = null!;

    [SetUp]
    public async Task CreateTableAsync()
    {
        Database = await OpenDatabaseAsync();
        await using var session = await CatalogSession.BeginAsync(Database, CancellationToken.None);
        await session.ExecuteAsync("CREATE TABLE item (id {ID}, n {BIGINT} NOT NULL) {TABLE}", null, CancellationToken.None);
        await session.ExecuteAsync("INSERT INTO item (n) VALUES (1)", null, CancellationToken.None);
        await session.CommitAsync(CancellationToken.None);
    }

    [TearDown]
    public async Task DisposeDatabaseAsync() => await Database.DisposeAsync();

    protected static async Task<long> ValueAsync(CatalogSession session) =>
        await session.ScalarAsync<long>("SELECT n FROM item", null, CancellationToken.None);

    /// <summary>Sets the row's value in a write session of its own, committed.</summary>
    protected async Task SetAsync(long value)
    {
        await using var write = await CatalogSession.BeginAsync(Database, CancellationToken.None);
        await write.ExecuteAsync("UPDATE item SET n = @Value", new { Value = value }, CancellationToken.None);
        await write.CommitAsync(CancellationToken.None);
    }

    /// <summary>The row's value as a new read-only session sees it: what has been committed.</summary>
    protected async Task<long> CommittedValueAsync()
    {
        await using var read = await CatalogSession.BeginAsync(Database, CancellationToken.None, readOnly: true);
        return await ValueAsync(read);
    }
}
