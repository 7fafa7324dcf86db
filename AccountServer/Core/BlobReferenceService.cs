using CloudFs.AccountServer.Data;
using CloudFs.Common.Results;

namespace CloudFs.AccountServer.Core;

/// <summary>
/// What fsck asks the catalog (admin only): which blobs are named, by one account or by all,
/// and which of a list of blobs found on disk nothing names.
/// </summary>
public sealed class BlobReferenceService(CatalogWork work, BlobRepository blobs)
{
    /// <summary>Most ids one unreferenced check takes (it becomes one IN list).</summary>
    public const int MaxIds = 10_000;

    /// <summary>Distinct named blobs after <paramref name="marker"/> in id order; <paramref name="account"/> "" means all accounts.</summary>
    public async Task<Outcome<IReadOnlyList<NamedBlob>>> NamedAsync(Caller caller, string account, string marker, int limit, CancellationToken ct)
    {
        if (!caller.IsAdmin)
        {
            return Access.Forbidden();
        }

        var rows = await work.ReadAsync((session, token) => blobs.NamedAsync(session, account, marker, limit, token), ct);
        return new Outcome<IReadOnlyList<NamedBlob>>(rows, null);
    }

    /// <summary>The ids of <paramref name="ids"/> no row names, once each, in the order given.</summary>
    public async Task<Outcome<IReadOnlyList<string>>> UnreferencedAsync(Caller caller, IReadOnlyList<string> ids, CancellationToken ct)
    {
        if (!caller.IsAdmin)
        {
            return Access.Forbidden();
        }

        if (ids.Count > MaxIds)
        {
            return CloudFsError.BadRequest($"At most {MaxIds} ids per call.");
        }

        var named = (await work.ReadAsync((session, token) => blobs.NamedAmongAsync(session, ids, token), ct)).ToHashSet(StringComparer.Ordinal);
        return ids.Where(id => !named.Contains(id)).Distinct().ToArray();
    }
}
