using CloudFs.Catalog;

namespace CloudFs.ContainerServer.Data;

/// <summary>
/// Opens the container server's read sessions (on SQLite a deferred transaction: a WAL
/// snapshot that blocks no writer), and knows whether the catalog is at the schema version this
/// build reads. The account server owns the schema and migrates it; until then the container
/// server's endpoints answer 503 (a server started first, or under a SELECT-only user, waits).
/// </summary>
public sealed class CatalogReads(CatalogDatabase database, CatalogSchema schema)
{
    // Once ready, stays ready: migrations only ever move the version forward.
    private volatile bool _ready;

    public bool IsReady => _ready;

    /// <summary>A read-only session; requests reach here only once the schema is ready (the endpoints' gate).</summary>
    public Task<CatalogSession> BeginAsync(CancellationToken ct) => CatalogSession.BeginAsync(database, ct, readOnly: true);

    /// <summary>A read-only session whose reads all see one snapshot (CatalogSession.BeginSnapshotAsync).</summary>
    public Task<CatalogSession> BeginSnapshotAsync(CancellationToken ct) => CatalogSession.BeginSnapshotAsync(database, ct);

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
