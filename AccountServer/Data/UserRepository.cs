using CloudFs.Catalog;

namespace CloudFs.AccountServer.Data;

/// <summary>SQL for the <c>user</c> table.</summary>
public sealed class UserRepository
{
    private const string Columns = """
        id AS Id, account AS Account, username AS Username, email AS Email,
        password_hash AS PasswordHash, type AS Type, state AS State
        """;

    public Task<UserRow?> FindAsync(CatalogSession session, string account, string username, CancellationToken ct) =>
        session.SingleOrDefaultAsync<UserRow>($"SELECT {Columns} FROM user WHERE account = @Account AND username = @Username",
            new { Account = account, Username = username }, ct);

    public Task<UserRow?> FindByEmailAsync(CatalogSession session, string email, CancellationToken ct) =>
        session.SingleOrDefaultAsync<UserRow>($"SELECT {Columns} FROM user WHERE email = @Email", new { Email = email }, ct);

    public async Task<IReadOnlyList<UserRow>> ListAsync(CatalogSession session, string? account, CancellationToken ct) =>
        (await session.QueryAsync<UserRow>(
            $"SELECT {Columns} FROM user" + (account is null ? "" : " WHERE account = @Account") + " ORDER BY account, username",
            new { Account = account }, ct)).ToList();

    /// <summary>Adds a user; null when one of that name (or email) already exists.</summary>
    public Task<long?> TryInsertAsync(CatalogSession session, UserRow user, long now, CancellationToken ct) =>
        session.ScalarAsync<long?>("""
            {INSERT_IGNORE} INTO user (account, username, email, password_hash, type, state, created_at, updated_at)
            VALUES (@Account, @Username, @Email, @PasswordHash, @Type, @State, @Now, @Now)
            RETURNING id
            """, new { user.Account, user.Username, user.Email, user.PasswordHash, user.Type, user.State, Now = now }, ct);

    public Task<int> UpdateAsync(CatalogSession session, UserRow user, long now, CancellationToken ct) =>
        session.ExecuteAsync("""
            UPDATE user SET email = @Email, password_hash = @PasswordHash, type = @Type, state = @State, updated_at = @Now
            WHERE id = @Id
            """, new { user.Id, user.Email, user.PasswordHash, user.Type, user.State, Now = now }, ct);

    public Task<int> DeleteAsync(CatalogSession session, long id, CancellationToken ct) =>
        session.ExecuteAsync("DELETE FROM user WHERE id = @Id", new { Id = id }, ct);
}
