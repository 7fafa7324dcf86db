using CloudFs.AccountServer.Core;
using CloudFs.Catalog;

namespace CloudFs.AccountServer.Data;

/// <summary>SQL for the <c>quota</c> table: limits, exact usage and reservations per account and container.</summary>
public sealed class QuotaRepository
{
    private const string Select = """
        SELECT stobj_id AS StobjId, max_bytes AS MaxBytes, max_objects AS MaxObjects, used_bytes AS UsedBytes,
               used_objects AS UsedObjects, reserved_bytes AS ReservedBytes, reserved_objects AS ReservedObjects
        FROM quota WHERE stobj_id = @Id {FOR_UPDATE}
        """;

    public Task EnsureAsync(CatalogSession session, long stobjId, CancellationToken ct) =>
        session.ExecuteAsync("{INSERT_IGNORE} INTO quota (stobj_id) VALUES (@Id)", new { Id = stobjId }, ct);

    /// <summary>Reads and (on MariaDB) row-locks the quota row until the session ends.</summary>
    public async Task<QuotaState> LockAsync(CatalogSession session, long stobjId, CancellationToken ct)
    {
        var row = await session.SingleOrDefaultAsync<QuotaRow>(Select, new { Id = stobjId }, ct);
        if (row is null)
        {
            await EnsureAsync(session, stobjId, ct);
            row = await session.SingleOrDefaultAsync<QuotaRow>(Select, new { Id = stobjId }, ct)
                ?? throw new InvalidOperationException($"quota row {stobjId} missing");
        }

        return ToState(row);
    }

    /// <summary>
    /// An account's and one of its containers' rows, read and (on MariaDB) row-locked by one
    /// statement. InnoDB locks them in key order, which is account first (it was created before
    /// its containers), the order every writer takes them in.
    /// </summary>
    public async Task<(QuotaState Account, QuotaState Container)> LockPairAsync(CatalogSession session, long accountId, long containerId, CancellationToken ct)
    {
        var args = new { Account = accountId, Container = containerId };
        if (Pair(await session.QueryAsync<QuotaRow>(SelectPairForUpdate, args, ct), accountId, containerId) is { } pair)
        {
            return pair;
        }

        await EnsureAsync(session, accountId, ct);
        await EnsureAsync(session, containerId, ct);
        return Pair(await session.QueryAsync<QuotaRow>(SelectPairForUpdate, args, ct), accountId, containerId)
            ?? throw new InvalidOperationException($"quota rows {accountId}, {containerId} missing");
    }

    /// <summary>LockPairAsync's read (parameters @Account, @Container), also sent in batches by ObjectCommitReads and ObjectRemover.</summary>
    internal const string SelectPairForUpdate = """
        SELECT stobj_id AS StobjId, max_bytes AS MaxBytes, max_objects AS MaxObjects, used_bytes AS UsedBytes,
               used_objects AS UsedObjects, reserved_bytes AS ReservedBytes, reserved_objects AS ReservedObjects
        FROM quota WHERE stobj_id IN (@Account, @Container) ORDER BY stobj_id {FOR_UPDATE}
        """;

    /// <summary>The two states from SelectPairForUpdate's rows; null when a row is missing (made by LockPairAsync).</summary>
    internal static (QuotaState Account, QuotaState Container)? Pair(IEnumerable<QuotaRow> rows, long accountId, long containerId)
    {
        var list = rows.ToList();
        return list.Find(r => r.StobjId == accountId) is { } account && list.Find(r => r.StobjId == containerId) is { } container
            ? (ToState(account), ToState(container))
            : null;
    }

    private static QuotaState ToState(QuotaRow row) =>
        new(row.StobjId, row.MaxBytes, row.MaxObjects, row.UsedBytes, row.UsedObjects, row.ReservedBytes, row.ReservedObjects);

    /// <summary>Reads a quota row without locking it; null when the row does not exist (no limits, nothing used).</summary>
    public async Task<QuotaState?> FindAsync(CatalogSession session, long stobjId, CancellationToken ct) =>
        await session.SingleOrDefaultAsync<QuotaRow>(Select.Replace("{FOR_UPDATE}", "", StringComparison.Ordinal), new { Id = stobjId }, ct) is { } row
            ? ToState(row)
            : null;

    private const string AddCounters = """
        UPDATE quota SET used_bytes = used_bytes + @Bytes, used_objects = used_objects + @Objects,
                         reserved_bytes = reserved_bytes + @ReservedBytes, reserved_objects = reserved_objects + @ReservedObjects
        """;

    /// <summary>Moves a row's usage and reservation counters by <paramref name="delta"/> (sent with the session's next statement).</summary>
    public Task AddAsync(CatalogSession session, long stobjId, UsageDelta delta, CancellationToken ct)
    {
        session.Defer(AddCounters + " WHERE stobj_id = @Id", new { Id = stobjId, delta.Bytes, delta.Objects, delta.ReservedBytes, delta.ReservedObjects });
        return Task.CompletedTask;
    }

    /// <summary>
    /// Moves an account's and one of its containers' counters by the same <paramref name="delta"/>
    /// in one statement (sent with the session's next statement), as every object write does.
    /// </summary>
    public Task AddToPairAsync(CatalogSession session, long accountId, long containerId, UsageDelta delta, CancellationToken ct)
    {
        session.Defer(AddCounters + " WHERE stobj_id IN (@Account, @Container)", new { Account = accountId, Container = containerId, delta.Bytes, delta.Objects, delta.ReservedBytes, delta.ReservedObjects });
        return Task.CompletedTask;
    }

    public Task SetLimitsAsync(CatalogSession session, long stobjId, long? maxBytes, long? maxObjects, CancellationToken ct) =>
        session.ExecuteAsync("UPDATE quota SET max_bytes = @MaxBytes, max_objects = @MaxObjects WHERE stobj_id = @Id",
            new { Id = stobjId, MaxBytes = maxBytes, MaxObjects = maxObjects }, ct);

    /// <summary>An account's and its containers' usage counters next to the sums of their object rows.</summary>
    public async Task<IReadOnlyList<UsageDrift>> CountedAndActualAsync(CatalogSession session, long accountId, CancellationToken ct) =>
        (await session.QueryAsync<UsageDrift>("""
            SELECT s.id AS StobjId, s.type AS Type, q.used_bytes AS CountedBytes, q.used_objects AS CountedObjects,
                   (SELECT COALESCE(SUM(o.size), 0) FROM stobj o WHERE o.type IN ('object', 'version') AND
                      ((s.type = 'container' AND o.container_id = s.id) OR (s.type = 'account' AND o.account_id = s.id))) AS ActualBytes,
                   (SELECT COUNT(*) FROM stobj o WHERE o.type = 'object' AND
                      ((s.type = 'container' AND o.container_id = s.id) OR (s.type = 'account' AND o.account_id = s.id))) AS ActualObjects
            FROM stobj s JOIN quota q ON q.stobj_id = s.id
            WHERE s.id = @Id OR (s.parent_id = @Id AND s.type = 'container')
            """, new { Id = accountId }, ct)).ToList();

    /// <summary>Sets a row's usage counters to its actual sums (the audit's repair).</summary>
    public Task SetUsedAsync(CatalogSession session, UsageDrift drift, CancellationToken ct) =>
        session.ExecuteAsync("UPDATE quota SET used_bytes = @ActualBytes, used_objects = @ActualObjects WHERE stobj_id = @StobjId",
            new { drift.StobjId, drift.ActualBytes, drift.ActualObjects }, ct);

    internal sealed class QuotaRow
    {
        public long StobjId { get; init; }

        public long? MaxBytes { get; init; }

        public long? MaxObjects { get; init; }

        public long UsedBytes { get; init; }

        public long UsedObjects { get; init; }

        public long ReservedBytes { get; init; }

        public long ReservedObjects { get; init; }
    }
}
