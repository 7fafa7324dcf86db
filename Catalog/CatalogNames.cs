using System.Text;

namespace CloudFs.Catalog;

/// <summary>
/// Names cross the database boundary as bytes on MariaDB (VARBINARY, compared with memcmp)
/// and as text on SQLite (TEXT, memcmp collation); both order by UTF-8 bytes. Every role
/// reading the catalog converts them here.
/// </summary>
public static class CatalogNames
{
    /// <summary>A name as a query argument: bytes for MariaDB, so comparisons stay binary.</summary>
    public static object Argument(SqlDialect dialect, string name) =>
        dialect.Provider == CatalogProvider.MySql ? Encoding.UTF8.GetBytes(name) : name;

    /// <summary>A name column as read back: byte[] from MariaDB, string from SQLite.</summary>
    public static string Read(object? value) => value switch
    {
        byte[] bytes => Encoding.UTF8.GetString(bytes),
        string text => text,
        null => "",
        _ => Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? "",
    };
}
