using CloudFs.Catalog;

namespace CloudFs.ContainerServer.Data;

/// <summary>
/// Opens the container server's read sessions (on SQLite a deferred transaction: a WAL
/// snapshot that blocks no writer). The account server owns the schema and migrates it; until
/// the catalog is at the version this build reads there is no session (null), so a container
/// server started first, or under a SELECT-only database user, answers 503 instead of failing.
/// </summary>
public sealed class CatalogReads(CatalogDatabase database, CatalogSchema schema)
{
    // Once ready, stays ready: migrations only ever move the version forward.
    private volatile bool _ready;

    public bool IsReady => _ready;

    /// <summary>A read-only session, or null while the catalog schema is not yet migrated.</summary>
    public async Task<CatalogSession?> BeginAsync(CancellationToken ct) =>
        _ready || await RefreshAsync(ct) ? await CatalogSession.BeginAsync(database, ct, readOnly: true) : null;

    /// <summary>Reads the applied schema version again (read only); true once it covers this build's.</summary>
    public async Task<bool> RefreshAsync(CancellationToken ct)
    {
        if (!_ready && await AppliedVersionAsync(ct) >= CatalogSchema.RequiredVersion)
        {
            _ready = true;
        }

        return _ready;
    }

    public Task<int> AppliedVersionAsync(CancellationToken ct) => schema.AppliedVersionAsync(ct);
}
