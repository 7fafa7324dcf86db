using CloudFs.Catalog;

namespace CloudFs.AccountServer.Data;

/// <summary>SQL for the <c>webconf</c> table: named site settings.</summary>
public sealed class SettingRepository
{
    /// <summary>The setting's value, or null when it is not set.</summary>
    public Task<string?> FindAsync(CatalogSession session, string name, CancellationToken ct) =>
        session.ScalarAsync<string>("SELECT value FROM webconf WHERE name = @Name", new { Name = name }, ct);

    public async Task SetAsync(CatalogSession session, string name, string value, long now, CancellationToken ct)
    {
        // Update first: a setting is written far more often than it is created.
        var updated = await session.ExecuteAsync("UPDATE webconf SET value = @Value, updated_at = @Now WHERE name = @Name",
            new { Name = name, Value = value, Now = now }, ct);
        if (updated == 0)
        {
            await session.ExecuteAsync("INSERT INTO webconf (name, value, updated_at) VALUES (@Name, @Value, @Now)",
                new { Name = name, Value = value, Now = now }, ct);
        }
    }
}
