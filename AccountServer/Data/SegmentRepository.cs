using CloudFs.Catalog;
using CloudFs.Common.Contracts;

namespace CloudFs.AccountServer.Data;

/// <summary>SQL for the <c>segment</c> table: the blobs a large object's body is made of.</summary>
public sealed class SegmentRepository
{
    public async Task InsertAsync(CatalogSession session, long objectId, IReadOnlyList<SegmentRef> segments, CancellationToken ct)
    {
        if (segments.Count == 0)
        {
            return;
        }

        var rows = segments.Select((s, i) => new { ObjectId = objectId, Seq = i, s.BlobId, s.PolicyIndex, s.Offset, s.Length, s.BlobBytes }).ToList();
        await session.ExecuteAsync("""
            INSERT INTO segment (object_id, seq, blob_id, policy_index, blob_offset, length, blob_bytes)
            VALUES (@ObjectId, @Seq, @BlobId, @PolicyIndex, @Offset, @Length, @BlobBytes)
            """, rows, ct);
    }

    /// <summary>Forgets an object's pieces; returns the blobs they named (for the collector to weigh).</summary>
    public async Task<IReadOnlyList<string>> DeleteAsync(CatalogSession session, long objectId, CancellationToken ct)
    {
        var blobs = await BlobsOfAsync(session, objectId, ct);
        if (blobs.Count > 0)
        {
            await session.ExecuteAsync("DELETE FROM segment WHERE object_id = @Id", new { Id = objectId }, ct);
        }

        return blobs;
    }

    public async Task<IReadOnlyList<string>> BlobsOfAsync(CatalogSession session, long objectId, CancellationToken ct) =>
        (await session.QueryAsync<string>(SelectBlobsOf, new { Id = objectId }, ct)).ToList();

    /// <summary>BlobsOfAsync's read (parameter @Id), also sent in a batch by ObjectRemover.</summary>
    internal const string SelectBlobsOf = "SELECT DISTINCT blob_id FROM segment WHERE object_id = @Id";

    /// <summary>The blobs the pieces of a name's object row name (parameters @ParentId, @Type, @Name), for batches of reads (ObjectCommitReads).</summary>
    internal const string SelectBlobsOfChild = """
        SELECT DISTINCT s.blob_id FROM segment s JOIN stobj o ON o.id = s.object_id
        WHERE o.parent_id = @ParentId AND o.type = @Type AND o.name = @Name
        """;

    /// <summary>
    /// A row written as a copy of <paramref name="sourceId"/> (a copy, a kept or restored version) gets
    /// its pieces, after the pieces of the row it was written over (<paramref name="overwrittenId"/>)
    /// go; returns the blobs those named, for the collector to weigh.
    /// </summary>
    public async Task<IReadOnlyList<string>> ShareAsync(CatalogSession session, long? overwrittenId, long sourceId, long id, CancellationToken ct)
    {
        var released = overwrittenId is { } old ? await DeleteAsync(session, old, ct) : [];
        if (sourceId != 0)
        {
            await CopyAsync(session, sourceId, id, ct);
        }

        return released;
    }

    /// <summary>Gives a copied object the pieces of its source (a copy shares them, byte-free).</summary>
    public Task<int> CopyAsync(CatalogSession session, long fromObjectId, long toObjectId, CancellationToken ct) =>
        session.ExecuteAsync("""
            INSERT INTO segment (object_id, seq, blob_id, policy_index, blob_offset, length, blob_bytes)
            SELECT @To, seq, blob_id, policy_index, blob_offset, length, blob_bytes FROM segment WHERE object_id = @From
            """, new { From = fromObjectId, To = toObjectId }, ct);
}
