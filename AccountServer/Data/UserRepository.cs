using CloudFs.Catalog;
using Dapper;

namespace CloudFs.AccountServer.Data;

/// <summary>SQL for the <c>user</c> table.</summary>
public sealed class UserRepository(CatalogDatabase database, TimeProvider time)
{
    private const string SelectByName = """
        SELECT id AS Id, account AS Account, username AS Username, email AS Email,
               password_hash AS PasswordHash, type AS Type, state AS State
        FROM user WHERE account = @Account AND username = @Username
        """;

    private const string Insert = """
        {INSERT_IGNORE} INTO user (account, username, email, password_hash, type, state, created_at, updated_at)
        VALUES (@Account, @Username, @Email, @PasswordHash, @Type, 'enabled', @Now, @Now)
        RETURNING id
        """;

    public async Task<UserRow?> FindAsync(string account, string username, CancellationToken ct)
    {
        await using var connection = await database.OpenConnectionAsync(ct);
        return await connection.QuerySingleOrDefaultAsync<UserRow>(
            new CommandDefinition(SelectByName, new { Account = account, Username = username }, cancellationToken: ct));
    }

    /// <summary>Adds a user; null when one of that name (or email) already exists, e.g. made by a server starting beside this one.</summary>
    public async Task<long?> TryInsertAsync(string account, string username, string? email, string passwordHash, string type, CancellationToken ct)
    {
        await using var connection = await database.OpenConnectionAsync(ct);
        return await connection.ExecuteScalarAsync<long?>(new CommandDefinition(database.Dialect.Translate(Insert),
            new { Account = account, Username = username, Email = email, PasswordHash = passwordHash, Type = type, Now = time.GetUtcNow().ToUnixTimeMilliseconds() },
            cancellationToken: ct));
    }
}
