using CloudFs.Catalog;

namespace CloudFs.AccountServer.Data;

/// <summary>SQL for the <c>metadata</c> table: user metadata (kind 'user') and system values (kind 'sys').</summary>
public sealed class MetadataRepository
{
    public const string User = "user";
    public const string Sys = "sys";

    /// <summary>LoadAsync's read, for batches of reads (ObjectCommitReads).</summary>
    internal const string SelectKind = "SELECT name AS Name, value AS Value FROM metadata WHERE stobj_id = @Id AND kind = @Kind";

    public async Task<Dictionary<string, string>> LoadAsync(CatalogSession session, long stobjId, string kind, CancellationToken ct) =>
        ToDictionary(await session.QueryAsync<(string Name, string Value)>(SelectKind, new { Id = stobjId, Kind = kind }, ct));

    internal static Dictionary<string, string> ToDictionary(IEnumerable<(string Name, string Value)> rows) =>
        rows.ToDictionary(r => r.Name, r => r.Value, StringComparer.Ordinal);

    /// <summary>Makes the stored metadata of one kind exactly <paramref name="values"/> (sent with the session's next statement).</summary>
    public Task ReplaceAsync(CatalogSession session, long stobjId, string kind, IReadOnlyDictionary<string, string> values, CancellationToken ct)
    {
        session.Defer("DELETE FROM metadata WHERE stobj_id = @Id AND kind = @Kind", new { Id = stobjId, Kind = kind });
        InsertIntoNewRow(session, stobjId, kind, values);
        return Task.CompletedTask;
    }

    /// <summary>
    /// Stores the metadata of a row inserted in this transaction, which has none to replace: a
    /// new id, and a removed row's metadata went with it (ON DELETE CASCADE). Saves a statement
    /// per kind on every new object.
    /// </summary>
    private static void InsertIntoNewRow(CatalogSession session, long stobjId, string kind, IReadOnlyDictionary<string, string> values)
    {
        if (values.Count > 0)
        {
            session.Defer("INSERT INTO metadata (stobj_id, kind, name, value) VALUES (@Id, @Kind, @Name, @Value)",
                values.Select(kv => new { Id = stobjId, Kind = kind, Name = kv.Key, Value = kv.Value }).ToList());
        }
    }

    /// <summary>
    /// An object row's whole user and system metadata, as a commit or a version writes it: on a row
    /// that had some, one DELETE of both kinds first (one statement, not one per kind); on a row
    /// inserted in this transaction (<paramref name="rowIsNew"/>) only the inserts.
    /// </summary>
    public Task WriteObjectAsync(CatalogSession session, long stobjId, IReadOnlyDictionary<string, string> user,
        IReadOnlyDictionary<string, string> sys, bool rowIsNew, CancellationToken ct)
    {
        if (!rowIsNew)
        {
            session.Defer("DELETE FROM metadata WHERE stobj_id = @Id AND kind IN (@User, @Sys)", new { Id = stobjId, User, Sys });
        }

        InsertIntoNewRow(session, stobjId, User, user);
        InsertIntoNewRow(session, stobjId, Sys, sys);
        return Task.CompletedTask;
    }

    /// <summary>Sets or (empty <paramref name="value"/>) removes one item (sent with the session's next statement).</summary>
    public Task SetAsync(CatalogSession session, long stobjId, string kind, string name, string? value, CancellationToken ct)
    {
        session.Defer("DELETE FROM metadata WHERE stobj_id = @Id AND kind = @Kind AND name = @Name", new { Id = stobjId, Kind = kind, Name = name });
        if (!string.IsNullOrEmpty(value))
        {
            session.Defer("INSERT INTO metadata (stobj_id, kind, name, value) VALUES (@Id, @Kind, @Name, @Value)",
                new { Id = stobjId, Kind = kind, Name = name, Value = value });
        }

        return Task.CompletedTask;
    }
}
