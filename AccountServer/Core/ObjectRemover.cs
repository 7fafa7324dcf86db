using CloudFs.AccountServer.Data;
using CloudFs.Catalog;

namespace CloudFs.AccountServer.Core;

/// <summary>
/// The one way a row is freed: remove it, take its usage out of the account's and the
/// container's counters, queue its blobs for garbage collection, prune the directories it
/// leaves empty and write the operation record, all in the caller's transaction.
/// </summary>
public sealed class ObjectRemover(NamespaceRepository names, QuotaRepository quotas, GarbageRepository garbage, SegmentRepository segments, RecordRepository records)
{
    public async Task RemoveAsync(CatalogSession session, ObjectRemoval removal, OperationRecord record, CancellationToken ct)
    {
        // Quota rows are locked account first, then container, as every other writer does.
        await quotas.LockPairAsync(session, removal.Owners.AccountId, removal.Owners.ContainerId, ct);
        // A large object's pieces go with its row (the foreign key cascades); their blobs are weighed by the collector.
        var pieces = await segments.BlobsOfAsync(session, removal.RowId, ct);
        await names.DeleteAsync(session, removal.RowId, ct);
        await quotas.AddToPairAsync(session, removal.Owners.AccountId, removal.Owners.ContainerId, -removal.Usage, ct);
        // Queued at the moment the record says the removal happened.
        await garbage.EnqueueAsync(session, removal.BlobIds.Concat(pieces), record.CreatedAt, ct);
        await names.PruneEmptyDirectoriesAsync(session, removal.DirectoriesAbove, ct);
        await records.InsertAsync(session, record, ct);
    }
}
