using CloudFs.Catalog;
using CloudFs.ContainerServer.Data;
using Microsoft.Data.Sqlite;

namespace CloudFs.UnitTests.ContainerServer;

public sealed class PreparedReadsTests
{
    private const string Select = "SELECT id AS Id, name AS Name FROM item WHERE name = @Name";

    private string _directory = "";
    private CatalogDatabase _database = null!;
    private PreparedReads _reads = null!;

    [SetUp]
    public async Task CreateAsync()
    {
        _directory = Path.Combine(Path.GetTempPath(), "cloudfs-ut-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_directory);
        _database = new CatalogDatabase(new CatalogOptions { ConnectionString = $"Data Source={_directory}/catalog.db" });
        await ExecuteAsync("PRAGMA journal_mode = WAL; CREATE TABLE item (id INTEGER PRIMARY KEY, name TEXT NOT NULL)");
        _reads = new PreparedReads(_database);
    }

    [TearDown]
    public async Task DeleteAsync()
    {
        await _reads.DisposeAsync();
        await _database.DisposeAsync();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    [Test]
    public async Task QueryAsync_Repeated_ReusesOneConnectionAndSeesEachCommit()
    {
        await ExecuteAsync("INSERT INTO item (name) VALUES ('a')");
        var first = await _reads.QueryAsync<Item>(Select, Args("a"), CancellationToken.None);
        var missing = await _reads.QueryAsync<Item>(Select, Args("b"), CancellationToken.None);

        await ExecuteAsync("INSERT INTO item (name) VALUES ('b'); DELETE FROM item WHERE name = 'a'");
        var added = await _reads.QueryAsync<Item>(Select, Args("b"), CancellationToken.None);
        var deleted = await _reads.QueryAsync<Item>(Select, Args("a"), CancellationToken.None);

        Assert.That(first.Select(i => i.Name), Is.EqualTo(new[] { "a" }));
        Assert.That(missing, Is.Empty);
        Assert.That(added.Select(i => i.Name), Is.EqualTo(new[] { "b" }), "a commit after the statement was prepared is seen");
        Assert.That(deleted, Is.Empty, "no answer is kept from an earlier execution");
        Assert.That(_reads.OpenedConnections, Is.EqualTo(1));
    }

    [Test]
    public async Task QueryAsync_ReaderDisposed_HoldsNoSnapshotThatStopsACheckpoint()
    {
        await ExecuteAsync("INSERT INTO item (name) VALUES ('a')");
        await _reads.QueryAsync<Item>(Select, Args("a"), CancellationToken.None);
        await ExecuteAsync("INSERT INTO item (name) VALUES ('b')");

        await using var connection = (SqliteConnection)await _database.OpenConnectionAsync(CancellationToken.None);
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA wal_checkpoint(TRUNCATE)";
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();

        Assert.That(reader.GetInt64(0), Is.EqualTo(0), "busy: a reader still holds a snapshot");
    }

    [Test]
    public async Task QueryAsync_FailedStatement_ThrowsAndItsConnectionIsNotReused()
    {
        await _reads.QueryAsync<Item>(Select, Args("a"), CancellationToken.None);

        Assert.ThrowsAsync<SqliteException>(() => _reads.QueryAsync<Item>("SELECT nope FROM item", [], CancellationToken.None));
        await _reads.QueryAsync<Item>(Select, Args("a"), CancellationToken.None);

        Assert.That(_reads.OpenedConnections, Is.EqualTo(2));
    }

    [Test]
    public async Task QueryAsync_Concurrent_EachGetsItsOwnRows()
    {
        for (var i = 0; i < 20; i++)
        {
            await ExecuteAsync($"INSERT INTO item (name) VALUES ('n{i}')");
        }

        var answers = await Task.WhenAll(Enumerable.Range(0, 200).Select(i =>
            Task.Run(() => _reads.QueryAsync<Item>(Select, Args($"n{i % 20}"), CancellationToken.None))));

        for (var i = 0; i < answers.Length; i++)
        {
            Assert.That(answers[i].Select(item => item.Name), Is.EqualTo(new[] { $"n{i % 20}" }));
        }
    }

    private static List<KeyValuePair<string, object?>> Args(string name) => [new("Name", name)];

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = await _database.OpenConnectionAsync(CancellationToken.None);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    private sealed class Item
    {
        public long Id { get; set; }

        public string Name { get; set; } = "";
    }
}
