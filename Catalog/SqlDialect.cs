using System.Text.RegularExpressions;

namespace CloudFs.Catalog;

/// <summary>
/// The few places MariaDB and SQLite SQL differ, as tokens substituted into migrations, so
/// one script describes the schema for both.
/// </summary>
public sealed partial class SqlDialect
{
    public static readonly SqlDialect MySql = new(CatalogProvider.MySql);
    public static readonly SqlDialect Sqlite = new(CatalogProvider.Sqlite);

    private SqlDialect(CatalogProvider provider)
    {
        Provider = provider;
        _translate = text => Token().Replace(text, m => Replace(m.Groups[1].Value, m.Groups[2].Value));
    }

    public CatalogProvider Provider { get; }

    /// <summary>
    /// Whether each command is a round trip to a server (MariaDB) rather than a call into this
    /// process (SQLite): reads sent ahead of the one they depend on save time only there.
    /// </summary>
    public bool CommandsAreRoundTrips => Provider == CatalogProvider.MySql;

    public static SqlDialect For(CatalogProvider provider) => provider == CatalogProvider.MySql ? MySql : Sqlite;

    // Every statement passes through Translate on every request, and the regex was a measurable
    // share of the account server's CPU per PUT: a text without a token is returned as it is, and
    // one with tokens is translated once. Texts built per request (IN lists, ancestor paths) can
    // be many, so the cache stops growing at a bound and the rest are translated each time.
    private readonly BoundedCache<string, string> _translated = new(2048);
    private readonly Func<string, string> _translate;

    public string Translate(string sql) =>
        sql.Contains('{', StringComparison.Ordinal)
            ? _translated.GetOrAdd(sql, _translate)
            : sql;

    private string Replace(string token, string argument) => (Provider, token) switch
    {
        (CatalogProvider.MySql, "ID") => "BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY",
        (CatalogProvider.Sqlite, "ID") => "INTEGER PRIMARY KEY AUTOINCREMENT",
        (CatalogProvider.MySql, "BIGINT") => "BIGINT",
        (CatalogProvider.MySql, "INT") => "INT",
        (CatalogProvider.Sqlite, "BIGINT" or "INT") => "INTEGER",
        (CatalogProvider.MySql, "DOUBLE") => "DOUBLE",
        (CatalogProvider.Sqlite, "DOUBLE") => "REAL",
        // Names compare as bytes, as Swift orders them. VARBINARY keeps long names indexable
        // within InnoDB's 3072-byte key limit; SQLite's TEXT already compares with memcmp.
        (CatalogProvider.MySql, "NAME") => "VARBINARY(1024)",
        (CatalogProvider.MySql, "PATH") => "VARBINARY(1300)",
        (CatalogProvider.Sqlite, "NAME" or "PATH") => "TEXT",
        (CatalogProvider.MySql, "STR") => $"VARCHAR({argument}) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin",
        (CatalogProvider.Sqlite, "STR") => "TEXT",
        (CatalogProvider.MySql, "TEXT") => "MEDIUMTEXT",
        (CatalogProvider.Sqlite, "TEXT") => "TEXT",
        (CatalogProvider.MySql, "TABLE") => "ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin",
        (CatalogProvider.Sqlite, "TABLE") => "",
        (CatalogProvider.MySql, "INSERT_IGNORE") => "INSERT IGNORE",
        (CatalogProvider.Sqlite, "INSERT_IGNORE") => "INSERT OR IGNORE",
        // SQLite has no row locks; its writer lock is taken at BEGIN IMMEDIATE instead.
        (CatalogProvider.MySql, "FOR_UPDATE") => "FOR UPDATE",
        // Reads a byte-ordered {PATH} column back as text (MariaDB would hand back bytes).
        (CatalogProvider.MySql, "PATH_AS_TEXT") => "CONVERT(path USING utf8mb4)",
        (CatalogProvider.Sqlite, "PATH_AS_TEXT") => "path",
        (CatalogProvider.Sqlite, "FOR_UPDATE") => "",
        // MariaDB commits each DDL statement alone, so a rerun migration must skip a column it
        // added already; SQLite runs a whole migration in one transaction and needs no guard.
        (CatalogProvider.MySql, "ADD_COLUMN") => "ADD COLUMN IF NOT EXISTS",
        (CatalogProvider.Sqlite, "ADD_COLUMN") => "ADD COLUMN",
        _ => throw new InvalidOperationException($"Unknown SQL token {{{token}}} for {Provider}."),
    };

    [GeneratedRegex(@"\{([A-Z_]+)(?::(\d+))?\}")]
    private static partial Regex Token();
}
