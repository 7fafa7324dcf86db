using CloudFs.Catalog;

namespace CloudFs.AccountServer.Data;

/// <summary>SQL for the <c>token</c> table; tokens are stored only as SHA-256 hashes.</summary>
public sealed class TokenRepository
{
    public Task InsertAsync(CatalogSession session, string tokenHash, long userId, long expiresAt, long now, CancellationToken ct) =>
        session.ExecuteAsync("INSERT INTO token (token_hash, user_id, expires_at, created_at) VALUES (@Hash, @UserId, @ExpiresAt, @Now)",
            new { Hash = tokenHash, UserId = userId, ExpiresAt = expiresAt, Now = now }, ct);

    /// <summary>The enabled user a live token belongs to, with the token's expiry.</summary>
    public Task<TokenOwner?> FindAsync(CatalogSession session, string tokenHash, long now, CancellationToken ct) =>
        session.SingleOrDefaultAsync<TokenOwner>("""
            SELECT u.id AS UserId, u.account AS Account, u.username AS Username, u.type AS Type, t.expires_at AS ExpiresAt
            FROM token t JOIN user u ON u.id = t.user_id
            WHERE t.token_hash = @Hash AND t.expires_at > @Now AND u.state = 'enabled'
            """, new { Hash = tokenHash, Now = now }, ct);

    public Task<int> DeleteExpiredAsync(CatalogSession session, long now, CancellationToken ct) =>
        session.ExecuteAsync("DELETE FROM token WHERE expires_at <= @Now", new { Now = now }, ct);

    public Task<int> DeleteForUserAsync(CatalogSession session, long userId, CancellationToken ct) =>
        session.ExecuteAsync("DELETE FROM token WHERE user_id = @UserId", new { UserId = userId }, ct);
}
