using CloudFs.Catalog;
using CloudFs.Common.Contracts;

namespace CloudFs.AccountServer.Data;

/// <summary>SQL for the <c>garbage</c> table: blobs a write or delete stopped naming.</summary>
public sealed class GarbageRepository
{
    /// <summary>Blobs queued for collection (rows kept until reclaimed, collected ones included).</summary>
    public Task<long> CountAsync(CatalogSession session, CancellationToken ct) =>
        session.SingleAsync<long>("SELECT COUNT(*) FROM garbage", null, ct);

    /// <summary>Queues blobs for the collector (sent with the session's next statement).</summary>
    public Task EnqueueAsync(CatalogSession session, IEnumerable<string> blobIds, long now, CancellationToken ct)
    {
        var rows = blobIds.Distinct().Select(id => new { BlobId = id, Now = now }).ToList();
        if (rows.Count > 0)
        {
            session.Defer("{INSERT_IGNORE} INTO garbage (blob_id, queued_at) VALUES (@BlobId, @Now)", rows);
        }

        return Task.CompletedTask;
    }

    // The reads that find which of a commit's blobs a collector may already hold (ObjectCommitReads
    // sends them with the commit's other reads). Blobs the queue holds and no row or piece names
    // now may be claimed, so no commit may name them again (a copy whose source was deleted since
    // the proxy read it). The rows that do name them are locked, so a delete running at the same
    // time waits for the commit's transaction (or the read waits for the delete's). A blob the
    // proxy has just written for the commit is asked about in the queue only (@Named leaves it out).
    internal const string SelectNamedByRows = "SELECT blob_id FROM stobj WHERE blob_id IN @Named {FOR_UPDATE}";
    internal const string SelectNamedByPieces = "SELECT blob_id FROM segment WHERE blob_id IN @Named {FOR_UPDATE}";
    internal const string SelectQueued = "SELECT blob_id FROM garbage WHERE blob_id IN @Ids";

    /// <summary>Of <paramref name="ids"/>, those queued and named by no row or piece.</summary>
    internal static IReadOnlyList<string> Collectable(IEnumerable<string> ids, IEnumerable<string> named, IEnumerable<string> queued)
    {
        var kept = named.ToHashSet(StringComparer.Ordinal);
        var inQueue = queued.ToHashSet(StringComparer.Ordinal);
        return ids.Where(id => !kept.Contains(id) && inQueue.Contains(id)).ToList();
    }

    /// <summary>
    /// Queued blobs that no row and no large object's piece names any more, oldest id first after <paramref name="marker"/>.
    /// The reference check runs here, at collection time: a copy made after the blob was
    /// queued keeps it alive.
    /// </summary>
    public async Task<GarbageCandidates> CandidatesAsync(CatalogSession session, string marker, long queuedBefore, int limit, CancellationToken ct)
    {
        var ids = (await session.QueryAsync<string>("""
            SELECT g.blob_id FROM garbage g
            WHERE g.blob_id > @Marker AND g.queued_at <= @Before AND NOT EXISTS (SELECT 1 FROM stobj s WHERE s.blob_id = g.blob_id)
              AND NOT EXISTS (SELECT 1 FROM segment p WHERE p.blob_id = g.blob_id)
            ORDER BY g.blob_id LIMIT @Limit
            """, new { Marker = marker, Before = queuedBefore, Limit = limit }, ct)).ToList();
        return new GarbageCandidates(ids, ids.Count == limit ? ids[^1] : null);
    }

    /// <summary>Forgets rows older than the reclaim age (every collector has passed them by then) or named again.</summary>
    public Task<int> PurgeAsync(CatalogSession session, long queuedBefore, CancellationToken ct) =>
        session.ExecuteAsync("""
            DELETE FROM garbage WHERE queued_at <= @Before
            """, new { Before = queuedBefore }, ct);
}
