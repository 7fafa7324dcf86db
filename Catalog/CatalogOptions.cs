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

    /// <summary>How long a starting server waits for another one's migration, in seconds.</summary>
    public int MigrationLockTimeoutSeconds { get; set; } = 300;
}
