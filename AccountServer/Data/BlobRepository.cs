using CloudFs.Catalog;

namespace CloudFs.AccountServer.Data;

/// <summary>SQL over the blob ids <c>stobj</c> rows name (what fsck compares the disks with).</summary>
public sealed class BlobRepository
{
    // Accounts are the root's children; an empty account name means every account.
    private const string SelectNamed = """
        SELECT blob_id AS BlobId, MAX(size) AS Size, MAX(etag) AS Etag FROM stobj
        WHERE blob_id IS NOT NULL AND blob_id > @Marker
          AND (@Account = '' OR account_id = (SELECT id FROM stobj WHERE parent_id = @Root AND type = 'account' AND name = @Account))
        GROUP BY blob_id ORDER BY blob_id LIMIT @Limit
        """;

    private const string SelectNamedAmong = "SELECT DISTINCT blob_id FROM stobj WHERE blob_id IN @Ids";

    /// <summary>Distinct named blobs after <paramref name="marker"/> in id order, of one account ("" for all).</summary>
    public async Task<IReadOnlyList<NamedBlob>> NamedAsync(CatalogSession session, string account, string marker, int limit, CancellationToken ct) =>
        (await session.QueryAsync<NamedBlob>(SelectNamed,
            new { Account = account, Marker = marker, Limit = limit, Root = NamespaceRepository.RootId }, ct)).ToList();

    /// <summary>Those of <paramref name="ids"/> that some row names.</summary>
    public async Task<IReadOnlyList<string>> NamedAmongAsync(CatalogSession session, IReadOnlyCollection<string> ids, CancellationToken ct) =>
        (await session.QueryAsync<string>(SelectNamedAmong, new { Ids = ids }, ct)).ToList();
}
