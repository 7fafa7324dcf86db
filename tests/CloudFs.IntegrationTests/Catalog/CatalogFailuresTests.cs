using CloudFs.Catalog;
using CloudFs.IntegrationTests.Hosting;
using MySqlConnector;

namespace CloudFs.IntegrationTests.Catalog;

/// <summary>
/// How MariaDB's errors are read (an outage to journal, a transaction to run again, or neither),
/// on real errors from a real server: SIGNAL raises each with the number and text MariaDB or
/// Galera would send.
/// </summary>
public sealed class CatalogFailuresTests
{
    private const string LostPrimaryAtCommit = "Error while appending streaming replication fragment(provider status: Not connected to Primary Component)";

    [TestCase(1047, "WSREP has not yet prepared node for application use", true, false)]
    [TestCase(1180, LostPrimaryAtCommit, true, false)]
    [TestCase(1180, "Got error 28 \"No space left on device\" during COMMIT", false, false)]
    [TestCase(1213, "Deadlock found when trying to get lock; try restarting transaction", false, true)]
    [TestCase(1205, "Lock wait timeout exceeded; try restarting transaction", false, true)]
    [TestCase(1062, "Duplicate entry 'x' for key 'name'", false, false)]
    public async Task ServerError_IsReadAs(int number, string message, bool unreachable, bool retryable)
    {
        await using var connection = new MySqlConnection(TestDatabases.RequireMySql());
        await connection.OpenAsync();
        await using var command = new MySqlCommand($"SIGNAL SQLSTATE 'HY000' SET MYSQL_ERRNO = {number}, MESSAGE_TEXT = @Message", connection);
        command.Parameters.AddWithValue("@Message", message);

        var error = Assert.ThrowsAsync<MySqlException>(() => command.ExecuteNonQueryAsync());

        Assert.That(error!.Number, Is.EqualTo(number));
        Assert.That(CatalogFailures.IsUnreachable(error), Is.EqualTo(unreachable), "unreachable");
        Assert.That(CatalogFailures.IsRetryable(error), Is.EqualTo(retryable), "retryable");
    }
}
