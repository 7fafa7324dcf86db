using CloudFs.Catalog;

namespace CloudFs.AccountServer.Data;

/// <summary>SQL for the <c>garbage</c> table: blobs a write or delete stopped naming.</summary>
public sealed class GarbageRepository
{
    public async Task EnqueueAsync(CatalogSession session, IEnumerable<string> blobIds, long now, CancellationToken ct)
    {
        var rows = blobIds.Distinct().Select(id => new { BlobId = id, Now = now }).ToList();
        if (rows.Count > 0)
        {
            await session.ExecuteAsync("{INSERT_IGNORE} INTO garbage (blob_id, queued_at) VALUES (@BlobId, @Now)", rows, ct);
        }
    }
}
