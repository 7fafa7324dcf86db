using CloudFs.AccountServer.Core;
using CloudFs.Catalog;

namespace CloudFs.AccountServer.Data;

/// <summary>What an object commit decides on, read (and locked) together.</summary>
/// <param name="Existing">The row the name has now, locked.</param>
/// <param name="Collectable">Of the blobs the commit names, those a collector may hold (GarbageRepository.Collectable).</param>
/// <param name="ContainerSys">The container's system metadata (versioning settings).</param>
/// <param name="Quotas">The account's and container's quota rows, locked; null when one is missing.</param>
public sealed record ObjectCommitSnapshot(StobjRow? Existing, IReadOnlyList<string> Collectable, Dictionary<string, string> ContainerSys,
    (QuotaState Account, QuotaState Container)? Quotas);

/// <summary>
/// The reads of an object commit, and of an object DELETE, that do not depend on each other, sent
/// as one command each: on MariaDB a commit's six round trips become one, a DELETE's two one.
/// Each statement is its repository's own; the locks are taken in the order the single reads took
/// them (object row, rows naming its blobs, quota rows).
/// </summary>
public sealed class ObjectCommitReads
{
    public async Task<ObjectCommitSnapshot> LoadAsync(CatalogSession session, NamespacePlace place, IEnumerable<string> blobIds, CancellationToken ct)
    {
        var ids = blobIds.Where(id => id.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        var sql = string.Join(";\n", [
            NamespaceRepository.SelectChildForUpdate,
            .. ids.Count > 0 ? new[] { GarbageRepository.SelectNamedByRows, GarbageRepository.SelectNamedByPieces, GarbageRepository.SelectQueued } : [],
            MetadataRepository.SelectKind,
            QuotaRepository.SelectPairForUpdate,
        ]);
        var args = new
        {
            ParentId = place.Parent!.Value, Type = "object", Name = place.Path.Leaf,
            Ids = ids,
            Id = place.Container!.Id, Kind = MetadataRepository.Sys,
            Account = place.Account!.Id, Container = place.Container.Id,
        };

        await using var results = await session.QueryMultipleAsync(sql, args, ct);
        var existing = await results.ReadSingleOrDefaultAsync<StobjRow>();
        IReadOnlyList<string> collectable = [];
        if (ids.Count > 0)
        {
            var named = (await results.ReadAsync<string>()).Concat(await results.ReadAsync<string>()).ToList();
            collectable = GarbageRepository.Collectable(ids, named, await results.ReadAsync<string>());
        }

        var containerSys = MetadataRepository.ToDictionary(await results.ReadAsync<(string Name, string Value)>());
        var quotas = QuotaRepository.Pair(await results.ReadAsync<QuotaRepository.QuotaRow>(), place.Account.Id, place.Container.Id);
        return new ObjectCommitSnapshot(existing, collectable, containerSys, quotas);
    }

    /// <summary>
    /// What a DELETE decides on, in one round trip: the row the name has now (locked; null when
    /// it has none, or <paramref name="place"/> has no parent directory) and the container's
    /// system metadata (versioning settings).
    /// </summary>
    public async Task<(StobjRow? Row, Dictionary<string, string> ContainerSys)> LoadForDeleteAsync(CatalogSession session, NamespacePlace place,
        CancellationToken ct)
    {
        var args = new { ParentId = place.Parent ?? 0, Type = "object", Name = place.Path.Leaf, Id = place.Container!.Id, Kind = MetadataRepository.Sys };
        if (place.Parent is null)
        {
            return (null, MetadataRepository.ToDictionary(await session.QueryAsync<(string Name, string Value)>(MetadataRepository.SelectKind, args, ct)));
        }

        await using var results = await session.QueryMultipleAsync(NamespaceRepository.SelectChildForUpdate + ";\n" + MetadataRepository.SelectKind, args, ct);
        var row = await results.ReadSingleOrDefaultAsync<StobjRow>();
        return (row, MetadataRepository.ToDictionary(await results.ReadAsync<(string Name, string Value)>()));
    }
}
