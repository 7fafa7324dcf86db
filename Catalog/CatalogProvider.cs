namespace CloudFs.Catalog;

/// <summary>Which database holds the catalog.</summary>
public enum CatalogProvider
{
    /// <summary>Embedded single-node default: one file under the data dir.</summary>
    Sqlite,

    /// <summary>MariaDB or MySQL, for clusters.</summary>
    MySql,
}
