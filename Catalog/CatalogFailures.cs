using Microsoft.Data.Sqlite;
using MySqlConnector;

namespace CloudFs.Catalog;

/// <summary>What a database failure means for the caller: the server is gone, or the transaction may simply run again.</summary>
public static class CatalogFailures
{
    /// <summary>The database server cannot be reached (the account server journals writes; reads answer 503).</summary>
    public static bool IsUnreachable(Exception ex) => ex switch
    {
        MySqlException { ErrorCode: MySqlErrorCode.UnableToConnectToHost } => true,
        MySqlException { InnerException: System.Net.Sockets.SocketException } => true,
        // The server went away mid-query (stopped or killed): MariaDB closes the connection
        // without an error packet. If that was the COMMIT and it did apply, the journaled copy
        // replays as a conflict with itself and changes nothing.
        MySqlException { InnerException: MySqlEndOfStreamException } => true,
        MySqlException m when m.Number is 1040 or 2002 or 2003 or 2006 or 2013 => true,
        // A clean shutdown answers the queries in flight "Server shutdown in progress" (1053)
        // or kills their connections (1927) instead of dropping them: the server is going
        // away just the same, so a commit is journaled rather than refused (a refused commit's
        // blob could then not be queued either, the database being gone).
        MySqlException m when m.Number is 1053 or 1927 => true,
        // A Galera node outside the primary component (it lost quorum, or is still catching up
        // after a restart) refuses every query: "WSREP has not yet prepared node for application use".
        MySqlException m when m.Number == 1047 => true,
        // A node that lost the primary component after a transaction began fails its COMMIT instead:
        // ER_ERROR_DURING_COMMIT (1180), "Error while appending streaming replication fragment
        // (provider status: Not connected to Primary Component)". Nothing was replicated; the same
        // outage as 1047, met later (a group commit's transaction is the one most often caught).
        MySqlException m when m.Number == 1180 && m.Message.Contains("Primary Component", StringComparison.Ordinal) => true,
        System.Net.Sockets.SocketException => true,
        _ => false,
    };

    /// <summary>
    /// Deadlocks and lock timeouts roll the transaction back, so running it again is safe; so does
    /// a row inserted under the transaction's feet. An unreachable server is not retried here:
    /// the caller decides (journal or 503).
    /// </summary>
    public static bool IsRetryable(Exception ex) => ex switch
    {
        MySqlException m when IsUnreachable(m) => false,
        MySqlException { ErrorCode: MySqlErrorCode.LockDeadlock or MySqlErrorCode.LockWaitTimeout } => true,
        SqliteException { SqliteErrorCode: 5 or 6 } => true,
        ConcurrentInsertException => true,
        _ => false,
    };
}
