namespace CloudFs.Catalog;

/// <summary>
/// Which schema version the catalog is at, read without writing anything (no CREATE), so a
/// role running under a SELECT-only database user can tell whether the migrations it needs
/// have been applied by the account server.
/// </summary>
public sealed class CatalogSchema(CatalogDatabase database)
{
    /// <summary>The tree's root row, which the first migration inserts: accounts are its children.</summary>
    public const long RootId = 1;

    private const string MySqlHasVersionTable =
        "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = DATABASE() AND table_name = 'schema_version'";

    private const string SqliteHasVersionTable =
        "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = 'schema_version'";

    private const string HighestVersion = "SELECT COALESCE(MAX(version), 0) FROM schema_version";

    /// <summary>The newest migration this build ships; its code may read anything up to it.</summary>
    public static int RequiredVersion { get; } = Migration.LoadAll()[^1].Version;

    /// <summary>The highest version applied, 0 for an empty database.</summary>
    public async Task<int> AppliedVersionAsync(CancellationToken ct)
    {
        await using var session = await CatalogSession.BeginAsync(database, ct, readOnly: true);
        var hasTable = await session.ScalarAsync<long>(
            database.Provider == CatalogProvider.MySql ? MySqlHasVersionTable : SqliteHasVersionTable, null, ct);
        return hasTable == 0 ? 0 : await session.ScalarAsync<int>(HighestVersion, null, ct);
    }
}
