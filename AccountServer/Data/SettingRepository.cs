using CloudFs.Catalog;

namespace CloudFs.AccountServer.Data;

/// <summary>SQL for the <c>webconf</c> table: named site settings.</summary>
public sealed class SettingRepository
{
    /// <summary>The setting's value, or null when it is not set.</summary>
    public Task<string?> FindAsync(CatalogSession session, string name, CancellationToken ct) =>
        session.ScalarAsync<string>("SELECT value FROM webconf WHERE name = @Name", new { Name = name }, ct);
}
