namespace CloudFs.EndToEndTests.Cluster;

/// <summary>A fresh MariaDB database (see <see cref="TestMariaDb"/>) for every test of a class.</summary>
public abstract class MariaDbTestBase
{
    private TestMariaDb? _database;

    /// <summary>Connection string of this test's own database.</summary>
    protected string ConnectionString => _database?.ConnectionString ?? throw new InvalidOperationException("No database yet.");

    [SetUp]
    public async Task CreateDatabaseAsync() => _database = await TestMariaDb.CreateAsync();

    [TearDown]
    public async Task DropDatabaseAsync()
    {
        if (_database is not null)
        {
            await _database.DisposeAsync();
            _database = null;
        }
    }
}
