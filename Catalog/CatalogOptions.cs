namespace CloudFs.Catalog;

/// <summary>The <c>Catalog</c> config section.</summary>
public sealed class CatalogOptions
{
    public const string Section = "Catalog";

    /// <summary>Sqlite (embedded default) or MySql (MariaDB).</summary>
    public CatalogProvider Provider { get; set; } = CatalogProvider.Sqlite;

    /// <summary>ADO.NET connection string; for SQLite, e.g. <c>Data Source=var/catalog.db</c>.</summary>
    public string ConnectionString { get; set; } = "Data Source=var/catalog.db";

    /// <summary>How long a starting server waits for another one's migration, in seconds.</summary>
    public int MigrationLockTimeoutSeconds { get; set; } = 300;
}
