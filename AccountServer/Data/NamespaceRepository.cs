using CloudFs.Catalog;

namespace CloudFs.AccountServer.Data;

/// <summary>SQL for the <c>stobj</c> tree; every method runs inside the caller's session.</summary>
public sealed class NamespaceRepository
{
    /// <summary>The tree's root row, created by the first migration; accounts hang below it.</summary>
    public const long RootId = CatalogSchema.RootId;

    private const string Columns = """
        id AS Id, parent_id AS ParentId, type AS Type, state AS State, size AS Size, etag AS Etag,
        content_type AS ContentType, blob_id AS BlobId, delete_at AS DeleteAt, x_timestamp AS XTimestamp,
        policy_index AS PolicyIndex, slo_bytes AS SloBytes, slo_etag AS SloEtag
        """;

    private const string SelectChild = $"SELECT {Columns} FROM stobj WHERE parent_id = @ParentId AND type = @Type AND name = @Name";

    /// <summary>FindChildAsync's locking read, for batches of reads (ObjectCommitReads).</summary>
    internal const string SelectChildForUpdate = SelectChild + " {FOR_UPDATE}";

    private const string InsertRow = """
        {INSERT_IGNORE} INTO stobj (parent_id, account_id, container_id, name, path, type, state, size, etag,
                                    content_type, blob_id, delete_at, x_timestamp, created_at, modified_at, policy_index,
                                    slo_bytes, slo_etag)
        VALUES (@ParentId, @AccountId, @ContainerId, @Name, @Path, @Type, 'enabled', @Size, @Etag,
                @ContentType, @BlobId, @DeleteAt, @XTimestamp, @Now, @Now, @PolicyIndex, @SloBytes, @SloEtag)
        """;

    private const string UpdateObject = """
        UPDATE stobj SET size = @Size, etag = @Etag, content_type = @ContentType, blob_id = @BlobId,
                         delete_at = @DeleteAt, x_timestamp = @XTimestamp, modified_at = @Now,
                         policy_index = @PolicyIndex, slo_bytes = @SloBytes, slo_etag = @SloEtag
        WHERE id = @Id
        """;

    public Task<StobjRow?> FindChildAsync(CatalogSession session, long parentId, string type, string name, bool forUpdate, CancellationToken ct) =>
        session.SingleOrDefaultAsync<StobjRow>(forUpdate ? SelectChildForUpdate : SelectChild,
            new { ParentId = parentId, Type = type, Name = name }, ct);

    public Task<StobjRow?> FindAccountAsync(CatalogSession session, string account, CancellationToken ct) =>
        FindChildAsync(session, RootId, "account", account, forUpdate: false, ct);

    public Task<StobjRow?> FindByIdAsync(CatalogSession session, long id, bool forUpdate, CancellationToken ct) =>
        session.SingleOrDefaultAsync<StobjRow>($"SELECT {Columns} FROM stobj WHERE id = @Id" + (forUpdate ? " {FOR_UPDATE}" : ""), new { Id = id }, ct);

    /// <summary>FindAccountAndContainerAsync's read (parameters @Root, @AccountName, @ContainerName), also sent in batches (ObjectCommitReads).</summary>
    internal const string SelectAccountAndContainer = $"""
        SELECT {Columns} FROM stobj WHERE parent_id = @Root AND type = 'account' AND name = @AccountName
        UNION ALL
        SELECT {Columns} FROM stobj
        WHERE type = 'container' AND name = @ContainerName
          AND parent_id = (SELECT id FROM stobj WHERE parent_id = @Root AND type = 'account' AND name = @AccountName)
        """;

    /// <summary>An account's row and one of its containers' in one read (null where missing).</summary>
    public async Task<(StobjRow? Account, StobjRow? Container)> FindAccountAndContainerAsync(CatalogSession session, string account, string container,
        CancellationToken ct) =>
        AccountAndContainer(await session.QueryAsync<StobjRow>(SelectAccountAndContainer,
            new { Root = RootId, AccountName = account, ContainerName = container }, ct));

    /// <summary>The account's and the container's rows among what <see cref="SelectAccountAndContainer"/> read.</summary>
    internal static (StobjRow? Account, StobjRow? Container) AccountAndContainer(IEnumerable<StobjRow> rows)
    {
        var list = rows.ToList();
        return (list.Find(r => r.Type == "account"), list.Find(r => r.Type == "container"));
    }

    /// <summary>FindDirectoryChainAsync's read (parameters @ContainerId, @Paths), also sent in batches (ObjectCommitReads).</summary>
    internal const string SelectDirectoryChain = $"SELECT {Columns} FROM stobj WHERE container_id = @ContainerId AND type = 'directory' AND path IN @Paths";

    /// <summary>
    /// The directory rows on a chain of paths (a, a/b, a/b/c) in one read, in path order; the list
    /// stops before the first one missing.
    /// </summary>
    public async Task<IReadOnlyList<StobjRow>> FindDirectoryChainAsync(CatalogSession session, long containerId, IReadOnlyList<string> paths, CancellationToken ct)
    {
        if (paths.Count == 0)
        {
            return [];
        }

        return Chain(await session.QueryAsync<StobjRow>(SelectDirectoryChain, new { ContainerId = containerId, Paths = paths }, ct), containerId, paths.Count);
    }

    /// <summary>The chain down from the container among what <see cref="SelectDirectoryChain"/> read: each directory's parent is the one above it.</summary>
    internal static IReadOnlyList<StobjRow> Chain(IEnumerable<StobjRow> read, long containerId, int depth)
    {
        var rows = read.ToList();
        var chain = new List<StobjRow>(depth);
        var parent = containerId;
        while (chain.Count < depth && rows.Find(r => r.ParentId == parent) is { } next)
        {
            chain.Add(next);
            parent = next.Id;
        }

        return chain;
    }

    /// <summary>Inserts the row unless (parent, type, name) exists; either way returns the row.</summary>
    public async Task<(StobjRow Row, bool Created)> EnsureChildAsync(CatalogSession session, NewStobj row, long now, CancellationToken ct)
    {
        // Most commits land in directories that exist already: a read settles those without
        // a write statement (and its locks) per path level.
        if (await FindChildAsync(session, row.ParentId, row.Type, row.Name, forUpdate: false, ct) is { } existing)
        {
            return (existing, false);
        }

        return await InsertChildAsync(session, row, now, ct);
    }

    /// <summary>
    /// Inserts a row its caller found missing; when a concurrent writer inserted it first, returns
    /// that row instead (Created false).
    /// </summary>
    public async Task<(StobjRow Row, bool Created)> InsertChildAsync(CatalogSession session, NewStobj row, long now, CancellationToken ct)
    {
        // RETURNING hands back the new row in the insert's own round trip; an ignored insert returns none.
        var inserted = await session.SingleOrDefaultAsync<StobjRow>(InsertRow + $" RETURNING {Columns}", new
        {
            row.ParentId, row.AccountId, row.ContainerId, row.Name, row.Path, row.Type, row.Size, row.Etag,
            row.ContentType, row.BlobId, row.DeleteAt, row.XTimestamp, Now = now, row.PolicyIndex, row.SloBytes, row.SloEtag,
        }, ct);
        if (inserted is null)
        {
            return (await FindChildAsync(session, row.ParentId, row.Type, row.Name, forUpdate: false, ct)
                ?? throw new InvalidOperationException($"stobj row {row.Type} '{row.Name}' neither inserted nor found."), false);
        }

        if (row.Type is "account" or "container")
        {
            // Accounts and containers point at themselves, so every row finds its account
            // and container with one column.
            var column = row.Type == "account" ? "account_id" : "container_id";
            await session.ExecuteAsync($"UPDATE stobj SET {column} = id WHERE id = @Id", new { inserted.Id }, ct);
        }

        return (inserted, true);
    }

    /// <summary>Rewrites an object row in place, with the session's next statement (its row count is not needed: the row is locked).</summary>
    public void UpdateObjectLater(CatalogSession session, long id, NewStobj row, long now) =>
        session.Defer(UpdateObject, new
        {
            Id = id, row.Size, row.Etag, row.ContentType, row.BlobId, row.DeleteAt, row.XTimestamp, Now = now, row.PolicyIndex, row.SloBytes, row.SloEtag,
        });

    /// <summary>
    /// Writes an object row: inserts it, or rewrites <paramref name="existing"/> in place; returns its id.
    /// An insert that finds the name taken by a concurrent commit throws <see cref="ConcurrentInsertException"/>:
    /// the caller decided on a missing row (no timestamp to compare, one object more in the usage),
    /// so its transaction runs again and takes the existing-row path.
    /// </summary>
    public async Task<long> UpsertObjectAsync(CatalogSession session, StobjRow? existing, NewStobj row, long now, CancellationToken ct)
    {
        if (existing is null)
        {
            var (inserted, created) = await InsertChildAsync(session, row, now, ct);
            return created ? inserted.Id : throw new ConcurrentInsertException($"Object '{row.Path}' was written by a concurrent commit.");
        }

        UpdateObjectLater(session, existing.Id, row, now);
        return existing.Id;
    }

    public Task<int> SetStateAsync(CatalogSession session, long id, string state, CancellationToken ct) =>
        session.ExecuteAsync("UPDATE stobj SET state = @State WHERE id = @Id", new { Id = id, State = state }, ct);

    public async Task<bool> HasChildrenAsync(CatalogSession session, long id, CancellationToken ct) =>
        await session.ScalarAsync<long?>("SELECT id FROM stobj WHERE parent_id = @Id LIMIT 1", new { Id = id }, ct) is not null;

    public Task DeleteAsync(CatalogSession session, long id, CancellationToken ct) =>
        session.ExecuteAsync(DeleteRow, new { Id = id }, ct);

    /// <summary>Deletes a row with the session's next statement or its commit (<see cref="CatalogSession.Defer"/>).</summary>
    public void DeleteLater(CatalogSession session, long id) => session.Defer(DeleteRow, new { Id = id });

    private const string DeleteRow = "DELETE FROM stobj WHERE id = @Id";

    /// <summary>Removes the given directories, deepest first, while they have nothing left below them.</summary>
    public async Task PruneEmptyDirectoriesAsync(CatalogSession session, IReadOnlyList<long> directoryIds, CancellationToken ct)
    {
        for (var i = directoryIds.Count - 1; i >= 0; i--)
        {
            if (await HasChildrenAsync(session, directoryIds[i], ct))
            {
                return;
            }

            // Sent with the next directory's read, or the commit's writes.
            DeleteLater(session, directoryIds[i]);
        }
    }

    /// <summary>Sum of sizes and count of the objects below a row (for usage returned by a cascade delete).</summary>
    public async Task<(long Bytes, long Objects)> UsageBelowAsync(CatalogSession session, long containerId, string pathPrefix, CancellationToken ct)
    {
        var row = await session.SingleOrDefaultAsync<UsageRow>("""
            SELECT COALESCE(SUM(size), 0) AS Bytes, COUNT(*) AS Objects FROM stobj
            WHERE container_id = @ContainerId AND type = 'object' AND path >= @From AND path < @To
            """, new { ContainerId = containerId, From = pathPrefix + "/", To = pathPrefix + "0" }, ct);
        return (row?.Bytes ?? 0, row?.Objects ?? 0);
    }

    /// <summary>Blob ids of the objects below a directory and of their pieces (handed to garbage collection when it is deleted).</summary>
    public async Task<IReadOnlyList<string>> BlobsBelowAsync(CatalogSession session, long containerId, string pathPrefix, CancellationToken ct) =>
        (await session.QueryAsync<string>("""
            SELECT blob_id FROM stobj
            WHERE container_id = @ContainerId AND type = 'object' AND path >= @From AND path < @To AND blob_id IS NOT NULL
            UNION
            SELECT s.blob_id FROM stobj o JOIN segment s ON s.object_id = o.id
            WHERE o.container_id = @ContainerId AND o.type = 'object' AND o.path >= @From AND o.path < @To
            """, new { ContainerId = containerId, From = pathPrefix + "/", To = pathPrefix + "0" }, ct)).ToList();

    /// <summary>
    /// Rewrites what an object metadata POST may change: content type, expiry, and the object's
    /// timestamp (Swift's Last-Modified and X-Timestamp follow the latest POST).
    /// </summary>
    public Task<int> SetObjectAttributesAsync(CatalogSession session, long id, string? contentType, long? deleteAt, long xTimestamp, long now, CancellationToken ct) =>
        session.ExecuteAsync("""
            UPDATE stobj SET content_type = @ContentType, delete_at = @DeleteAt, x_timestamp = @XTimestamp, modified_at = @Now WHERE id = @Id
            """, new { Id = id, ContentType = contentType, DeleteAt = deleteAt, XTimestamp = xTimestamp, Now = now }, ct);

    /// <summary>Moves a row's timestamp forward (never back): a container PUT or POST, Swift's put_timestamp.</summary>
    public Task<int> AdvanceTimestampAsync(CatalogSession session, long id, long xTimestamp, long now, CancellationToken ct) =>
        session.ExecuteAsync("""
            UPDATE stobj SET x_timestamp = @XTimestamp, modified_at = @Now WHERE id = @Id AND x_timestamp < @XTimestamp
            """, new { Id = id, XTimestamp = xTimestamp, Now = now }, ct);

    /// <summary>Blob ids of every object in an account (handed to garbage collection when the account goes).</summary>
    public async Task<IReadOnlyList<string>> BlobsOfAccountAsync(CatalogSession session, long accountId, CancellationToken ct) =>
        (await session.QueryAsync<string>(
            "SELECT blob_id FROM stobj WHERE account_id = @Id AND blob_id IS NOT NULL", new { Id = accountId }, ct)).ToList();

    /// <summary>Objects whose X-Delete-At (unix seconds) has passed, soonest expired first.</summary>
    public async Task<IReadOnlyList<long>> ExpiredObjectIdsAsync(CatalogSession session, long nowSeconds, int limit, CancellationToken ct) =>
        (await session.QueryAsync<long>(
            "SELECT id FROM stobj WHERE delete_at IS NOT NULL AND delete_at <= @Now AND type = 'object' ORDER BY delete_at LIMIT @Limit",
            new { Now = nowSeconds, Limit = limit }, ct)).ToList();

    /// <summary>The account and container a row belongs to, with the account's name.</summary>
    public async Task<RowOwners?> FindOwnersAsync(CatalogSession session, long id, CancellationToken ct)
    {
        var row = await session.SingleOrDefaultAsync<OwnersRow>("""
            SELECT account_id AS AccountId, container_id AS ContainerId, (SELECT name FROM stobj a WHERE a.id = o.account_id) AS AccountName
            FROM stobj o WHERE id = @Id
            """, new { Id = id }, ct);

        return row is null ? null : new RowOwners(row.AccountId, row.ContainerId, CatalogNames.Read(row.AccountName));
    }

    /// <summary>Directory ids from the top of the container down to <paramref name="parentId"/> (empty when it is no directory).</summary>
    public async Task<IReadOnlyList<long>> DirectoryChainAsync(CatalogSession session, long? parentId, CancellationToken ct)
    {
        var chain = new List<long>();
        var current = parentId;
        while (current is { } id)
        {
            var row = await session.SingleOrDefaultAsync<ParentRow>("SELECT parent_id AS ParentId, type AS Type FROM stobj WHERE id = @Id", new { Id = id }, ct);
            if (row is null || row.Type != "directory")
            {
                break;
            }

            chain.Insert(0, id);
            current = row.ParentId;
        }

        return chain;
    }

    private sealed class UsageRow
    {
        public long Bytes { get; init; }

        public long Objects { get; init; }
    }

    private sealed class OwnersRow
    {
        public long AccountId { get; init; }

        public long ContainerId { get; init; }

        public object? AccountName { get; init; }
    }

    private sealed class ParentRow
    {
        public long? ParentId { get; init; }

        public string Type { get; init; } = "";
    }
}
