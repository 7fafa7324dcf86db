using CloudFs.Catalog;
using Dapper;

namespace CloudFs.AccountServer.Data;

/// <summary>SQL for account rows of the <c>stobj</c> tree (containers and objects come later).</summary>
public sealed class NamespaceRepository(CatalogDatabase database, TimeProvider time)
{
    /// <summary>The tree's root row, created by the first migration; accounts hang below it.</summary>
    public const long RootId = 1;

    private const string InsertAccount = """
        {INSERT_IGNORE} INTO stobj (parent_id, name, path, type, state, x_timestamp, created_at, modified_at)
        VALUES (@RootId, @Name, '', 'account', 'enabled', @Timestamp, @Now, @Now)
        """;

    private const string SelectAccountId = "SELECT id FROM stobj WHERE parent_id = @RootId AND type = 'account' AND name = @Name";

    private const string SetAccountSelf = "UPDATE stobj SET account_id = id WHERE id = @Id AND account_id IS NULL";

    private const string InsertQuota = "{INSERT_IGNORE} INTO quota (stobj_id) VALUES (@Id)";

    /// <summary>Creates the account row (with its usage row) unless it exists; returns its id.</summary>
    public async Task<long> EnsureAccountAsync(string name, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        await using var connection = await database.OpenConnectionAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition(database.Dialect.Translate(InsertAccount),
            new { RootId, Name = name, Timestamp = now.ToUnixTimeMilliseconds() * 100, Now = now.ToUnixTimeMilliseconds() }, tx, cancellationToken: ct));
        var id = await connection.ExecuteScalarAsync<long>(new CommandDefinition(SelectAccountId, new { RootId, Name = name }, tx, cancellationToken: ct));
        await connection.ExecuteAsync(new CommandDefinition(SetAccountSelf, new { Id = id }, tx, cancellationToken: ct));
        await connection.ExecuteAsync(new CommandDefinition(database.Dialect.Translate(InsertQuota), new { Id = id }, tx, cancellationToken: ct));
        await tx.CommitAsync(ct);
        return id;
    }
}
