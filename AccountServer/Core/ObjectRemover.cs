using CloudFs.AccountServer.Data;
using CloudFs.Catalog;

namespace CloudFs.AccountServer.Core;

/// <summary>
/// The one way a row is freed: remove it, take its usage out of the account's and the
/// container's counters, queue its blobs for garbage collection, prune the directories it
/// leaves empty and write the operation record, all in the caller's transaction.
/// </summary>
public sealed class ObjectRemover(NamespaceRepository names, QuotaRepository quotas, GarbageRepository garbage, RecordRepository records)
{
    /// <param name="read">What the caller read with the row already (the quota rows locked, its pieces): those reads are not made again.</param>
    public async Task RemoveAsync(CatalogSession session, ObjectRemoval removal, OperationRecord record, CancellationToken ct, RemovalReads? read = null)
    {
        var owners = removal.Owners;
        var pieces = read?.Pieces ?? await LockQuotasAndReadPiecesAsync(session, owners, removal.RowId, ct);
        // Sent with the next statement: the directory pruning's read, or the commit's batch.
        names.DeleteLater(session, removal.RowId);
        await quotas.AddToPairAsync(session, owners.AccountId, owners.ContainerId, -removal.Usage, ct);
        // Queued at the moment the record says the removal happened.
        await garbage.EnqueueAsync(session, removal.BlobIds.Concat(pieces), record.CreatedAt, ct);
        await names.PruneEmptyDirectoriesAsync(session, removal.DirectoriesAbove, ct);
        await records.InsertAsync(session, record, ct);
    }

    // One round trip for two reads: the quota rows, locked account first and then container as
    // every other writer takes them, and the blobs of a large object's pieces, which go with its
    // row (the foreign key cascades) and are weighed by the collector.
    private async Task<IReadOnlyList<string>> LockQuotasAndReadPiecesAsync(CatalogSession session, RowOwners owners, long rowId, CancellationToken ct)
    {
        (QuotaState, QuotaState)? locked;
        List<string> pieces;
        await using (var reads = await session.QueryMultipleAsync(QuotaRepository.SelectPairForUpdate + ";\n" + SegmentRepository.SelectBlobsOf,
                         new { Account = owners.AccountId, Container = owners.ContainerId, Id = rowId }, ct))
        {
            locked = QuotaRepository.Pair(await reads.ReadAsync<QuotaRepository.QuotaRow>(), owners.AccountId, owners.ContainerId);
            pieces = (await reads.ReadAsync<string>()).ToList();
        }

        if (locked is null)
        {
            // A quota row is missing (made lazily): LockPairAsync creates and locks both.
            await quotas.LockPairAsync(session, owners.AccountId, owners.ContainerId, ct);
        }

        return pieces;
    }
}
