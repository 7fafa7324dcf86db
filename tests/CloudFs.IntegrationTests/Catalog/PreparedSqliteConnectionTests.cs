using CloudFs.Catalog;
using CloudFs.IntegrationTests.Hosting;
using Dapper;
using Microsoft.Data.Sqlite;

namespace CloudFs.IntegrationTests.Catalog;

/// <summary>
/// The kept SQLite writer connection on a real catalog file, through Dapper as the repositories
/// use it: a text compiles once and then runs with each call's own values; the same text run
/// again while its reader is open, a failed statement, a list parameter and a schema changed by
/// another connection all still give the answers a fresh command would.
/// </summary>
public sealed class PreparedSqliteConnectionTests
{
    private TempDirectory _directory = null!;
    private CatalogDatabase _database = null!;
    private PreparedSqliteConnection _connection = null!;

    [SetUp]
    public async Task CreateAsync()
    {
        _directory = new TempDirectory();
        _database = new CatalogDatabase(TestDatabases.CreateSqlite(_directory.Path));
        _connection = new PreparedSqliteConnection((SqliteConnection)await _database.OpenConnectionAsync(CancellationToken.None));
        await _connection.ExecuteAsync("CREATE TABLE item (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE, size INTEGER NOT NULL)");
    }

    [TearDown]
    public async Task DisposeAsync()
    {
        await _connection.DisposeAsync();
        await _database.DisposeAsync();
        SqliteConnection.ClearAllPools();
        _directory.Dispose();
    }

    [Test]
    public async Task SameText_CompiledOnce_RunsWithEachCallsValues()
    {
        const string insert = "INSERT INTO item (name, size) VALUES (@Name, @Size)";
        const string select = "SELECT size FROM item WHERE name = @Name";
        for (var i = 0; i < 5; i++)
        {
            await _connection.ExecuteAsync(insert, new { Name = $"n{i}", Size = i * 10 });
        }

        var kept = _connection.KeptCount;
        for (var i = 0; i < 5; i++)
        {
            Assert.That(await _connection.ExecuteScalarAsync<long>(select, new { Name = $"n{i}" }), Is.EqualTo(i * 10));
        }

        Assert.That(await _connection.ExecuteScalarAsync<long?>(select, new { Name = "absent" }), Is.Null);
        // The CREATE TABLE, the insert and the select: each text once, however often it ran.
        Assert.That(kept, Is.EqualTo(2));
        Assert.That(_connection.KeptCount, Is.EqualTo(3));
    }

    [Test]
    public async Task SameTextWhileItsReaderIsOpen_RunsOnACommandOfItsOwn()
    {
        await _connection.ExecuteAsync("INSERT INTO item (name, size) VALUES ('a', 1), ('b', 2), ('c', 3)");
        const string select = "SELECT name FROM item WHERE size >= @Min ORDER BY size";

        var outer = new List<string>();
        var inner = new List<string>();
        await using (var reader = await _connection.ExecuteReaderAsync(select, new { Min = 1 }))
        {
            while (await reader.ReadAsync())
            {
                outer.Add(reader.GetString(0));
                inner.AddRange(await _connection.QueryAsync<string>(select, new { Min = 3 }));
            }
        }

        Assert.That(outer, Is.EqualTo(new[] { "a", "b", "c" }));
        Assert.That(inner, Is.EqualTo(new[] { "c", "c", "c" }));
        // And the kept command is free again once the outer reader closed.
        Assert.That(await _connection.QueryAsync<string>(select, new { Min = 2 }), Is.EqualTo(new[] { "b", "c" }));
    }

    [Test]
    public async Task SeveralResults_ListParameters_AndAFailedStatement()
    {
        await _connection.ExecuteAsync("INSERT INTO item (name, size) VALUES ('a', 1), ('b', 2), ('c', 3)");
        const string both = "SELECT name FROM item WHERE name IN @Names ORDER BY name;\nSELECT COUNT(*) FROM item WHERE size > @Size";
        foreach (var (names, size, expected, count) in new[]
                 {
                     (new[] { "a", "c" }, 1, new[] { "a", "c" }, 2L),
                     (new[] { "b", "c" }, 2, new[] { "b", "c" }, 1L),
                     (new[] { "a", "b", "c" }, 0, new[] { "a", "b", "c" }, 3L),
                 })
        {
            await using var results = await _connection.QueryMultipleAsync(both, new { Names = names, Size = size });
            Assert.That(await results.ReadAsync<string>(), Is.EqualTo(expected));
            Assert.That(await results.ReadSingleAsync<long>(), Is.EqualTo(count));
        }

        const string insert = "INSERT INTO item (name, size) VALUES (@Name, @Size)";
        Assert.ThrowsAsync<SqliteException>(async () => await _connection.ExecuteAsync(insert, new { Name = "a", Size = 9 }));
        Assert.That(await _connection.ExecuteAsync(insert, new { Name = "d", Size = 4 }), Is.EqualTo(1));
        Assert.That(await _connection.QueryAsync<string>("SELECT name FROM item ORDER BY size"), Is.EqualTo(new[] { "a", "b", "c", "d" }));
    }

    [Test]
    public async Task SchemaChangedByAnotherConnection_KeptStatementSeesIt()
    {
        const string select = "SELECT * FROM item WHERE name = @Name";
        await _connection.ExecuteAsync("INSERT INTO item (name, size) VALUES ('a', 1)");
        Assert.That(await FieldsAsync(select), Is.EqualTo(3));

        await using (var other = await _database.OpenConnectionAsync(CancellationToken.None))
        {
            await other.ExecuteAsync("ALTER TABLE item ADD COLUMN note TEXT");
        }

        // SQLite compiles the kept statement again when the schema it was compiled for changed.
        Assert.That(await FieldsAsync(select), Is.EqualTo(4));
    }

    private async Task<int> FieldsAsync(string sql)
    {
        await using var reader = await _connection.ExecuteReaderAsync(sql, new { Name = "a" });
        Assert.That(await reader.ReadAsync(), Is.True);
        return reader.FieldCount;
    }
}
