using CloudFs.Catalog;

namespace CloudFs.AccountServer.Data;

/// <summary>SQL for the <c>reservation</c> table: room held for uploads still streaming.</summary>
public sealed class ReservationRepository
{
    /// <summary>Reservations held now, expired ones not yet released included.</summary>
    public Task<long> CountAsync(CatalogSession session, CancellationToken ct) =>
        session.SingleAsync<long>("SELECT COUNT(*) FROM reservation", null, ct);

    public Task InsertAsync(CatalogSession session, Reservation reservation, CancellationToken ct) =>
        session.ExecuteAsync("""
            INSERT INTO reservation (id, account_id, container_id, bytes, objects, expires_at)
            VALUES (@Id, @AccountId, @ContainerId, @Bytes, @Objects, @ExpiresAt)
            """, reservation, ct);

    /// <summary>Removes and returns a reservation (null when it expired or never existed).</summary>
    public async Task<Reservation?> TakeAsync(CatalogSession session, string id, CancellationToken ct)
    {
        var row = await session.SingleOrDefaultAsync<Reservation>("""
            SELECT id AS Id, account_id AS AccountId, container_id AS ContainerId, bytes AS Bytes, objects AS Objects, expires_at AS ExpiresAt
            FROM reservation WHERE id = @Id {FOR_UPDATE}
            """, new { Id = id }, ct);
        if (row is not null)
        {
            await session.ExecuteAsync("DELETE FROM reservation WHERE id = @Id", new { Id = id }, ct);
        }

        return row;
    }

    /// <summary>Removes an account's expired reservations and returns them, so their room can be released.</summary>
    public async Task<IReadOnlyList<Reservation>> TakeExpiredAsync(CatalogSession session, long accountId, long now, CancellationToken ct)
    {
        var rows = (await session.QueryAsync<Reservation>("""
            SELECT id AS Id, account_id AS AccountId, container_id AS ContainerId, bytes AS Bytes, objects AS Objects, expires_at AS ExpiresAt
            FROM reservation WHERE account_id = @AccountId AND expires_at <= @Now
            """, new { AccountId = accountId, Now = now }, ct)).ToList();
        if (rows.Count > 0)
        {
            await session.ExecuteAsync("DELETE FROM reservation WHERE id = @Id", rows.Select(r => new { r.Id }).ToList(), ct);
        }

        return rows;
    }
}
