namespace CloudFs.Catalog;

/// <summary>The <c>Catalog</c> config section.</summary>
public sealed class CatalogOptions
{
    public const string Section = "Catalog";

    /// <summary>Sqlite (embedded default) or MySql (MariaDB).</summary>
    public CatalogProvider Provider { get; set; } = CatalogProvider.Sqlite;

    /// <summary>ADO.NET connection string; for SQLite, e.g. <c>Data Source=var/catalog.db</c>.</summary>
    public string ConnectionString { get; set; } = "Data Source=var/catalog.db";

    /// <summary>
    /// MariaDB Galera only: <c>wsrep_sync_wait</c> for this server's sessions. 1 makes each session
    /// wait, when it opens, until its node has applied every write the cluster committed before
    /// (a GET right after a 201 made through another node sees the object); 0 leaves the
    /// server's default.
    /// The container servers want 1; the account servers' writes are certified anyway.
    /// </summary>
    public int SyncWait { get; set; }

    /// <summary>
    /// The account server's writes share transactions (GroupCommitter): those that arrive while a
    /// group is being written run one after another in the next one, each in a savepoint, and
    /// one COMMIT makes the group durable. On SQLite this is what lets concurrent writes share a
    /// WAL fsync; on MariaDB it spares mariadbd a transaction and most thread wake-ups per write.
    /// Off, each write is a transaction of its own (on MariaDB running in parallel with the others).
    /// </summary>
    public bool GroupCommit { get; set; } = true;

    /// <summary>How long a starting server waits for another one's migration, in seconds.</summary>
    public int MigrationLockTimeoutSeconds { get; set; } = 300;
}
