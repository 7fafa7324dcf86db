using CloudFs.Catalog;
using CloudFs.ContainerServer.Data;
using CloudFs.IntegrationTests.Catalog;
using CloudFs.IntegrationTests.Hosting;
using MySqlConnector;

namespace CloudFs.IntegrationTests.ContainerServer;

/// <summary>
/// The container server's kept connections and prepared statements, on both databases: one
/// connection serves read after read, each read sees what was committed before it, and on
/// MariaDB the statement is prepared on the server once and a connection the server dropped
/// costs no failed read.
/// </summary>
public sealed class PreparedReadsTests(CatalogProvider provider) : OneRowFixtureBase(provider)
{
    private const string Select = "SELECT n AS N FROM item WHERE id = @Id";

    private PreparedReads _reads = null!;

    [SetUp]
    public void CreateReads() => _reads = new PreparedReads(Database);

    [TearDown]
    public async Task DisposeReadsAsync() => await _reads.DisposeAsync();

    [Test]
    public async Task QueryAsync_Repeated_OneConnectionSeesEachCommit()
    {
        var first = await ReadAsync();
        await SetAsync(2);
        var second = await ReadAsync();
        await SetAsync(3);
        var third = await ReadAsync();

        Assert.That(new[] { first, second, third }, Is.EqualTo(new long[] { 1, 2, 3 }), "each read sees the commits before it");
        Assert.That(_reads.OpenedConnections, Is.EqualTo(1));
    }

    [Test]
    public async Task QueryAsync_OnMariaDb_PreparesOnceThenOnlyExecutes()
    {
        RequireMariaDb();
        for (var i = 0; i < 5; i++)
        {
            await ReadAsync();
        }

        // Read on the same kept connection, as one more prepared statement.
        var status = await _reads.QueryAsync<SessionStatus>("""
            SELECT VARIABLE_NAME AS Name, CAST(VARIABLE_VALUE AS SIGNED) AS Value FROM information_schema.SESSION_STATUS
            WHERE VARIABLE_NAME IN ('COM_STMT_PREPARE', 'COM_STMT_EXECUTE', 'COM_SELECT')
            """, [], CancellationToken.None);
        var counts = status.ToDictionary(s => s.Name, s => s.Value, StringComparer.OrdinalIgnoreCase);

        Assert.That(_reads.OpenedConnections, Is.EqualTo(1));
        Assert.That(counts["COM_STMT_PREPARE"], Is.EqualTo(2), "the read's statement and this one, each prepared once");
        Assert.That(counts["COM_STMT_EXECUTE"], Is.EqualTo(6), "five reads and this one, executed");
    }

    [Test]
    public async Task QueryAsync_OnMariaDb_KeptConnectionKilledByTheServer_NextReadStillAnswers()
    {
        RequireMariaDb();
        await ReadAsync();
        var connectionId = (await _reads.QueryAsync<long>("SELECT CONNECTION_ID()", [], CancellationToken.None)).Single();

        await using (var admin = new MySqlConnection(TestDatabases.RequireMySql()))
        {
            await admin.OpenAsync();
            await using var kill = new MySqlCommand($"KILL CONNECTION {connectionId}", admin);
            await kill.ExecuteNonQueryAsync();
        }

        await SetAsync(2);
        var after = await ReadAsync();

        Assert.That(after, Is.EqualTo(2));
        Assert.That(_reads.OpenedConnections, Is.EqualTo(2), "the dropped connection was replaced");
        Assert.That((await _reads.QueryAsync<long>("SELECT CONNECTION_ID()", [], CancellationToken.None)).Single(), Is.Not.EqualTo(connectionId));
    }

    [Test]
    public async Task QueryAsync_FailedStatement_ThrowsAndItsConnectionIsNotReused()
    {
        await ReadAsync();

        Assert.CatchAsync<System.Data.Common.DbException>(() => _reads.QueryAsync<long>("SELECT nope FROM item", [], CancellationToken.None));
        var after = await ReadAsync();

        Assert.That(after, Is.EqualTo(1));
        Assert.That(_reads.OpenedConnections, Is.EqualTo(2));
    }

    private void RequireMariaDb()
    {
        if (Provider != CatalogProvider.MySql)
        {
            Assert.Ignore("MariaDB's server-side statements only");
        }
    }

    private async Task<long> ReadAsync() =>
        (await _reads.QueryAsync<Row>(Select, [new("Id", 1L)], CancellationToken.None)).Single().N;

    private sealed class Row
    {
        public long N { get; set; }
    }

    private sealed class SessionStatus
    {
        public string Name { get; set; } = "";

        public long Value { get; set; }
    }
}
