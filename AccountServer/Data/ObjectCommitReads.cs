using CloudFs.AccountServer.Core;
using CloudFs.Catalog;
using Dapper;

namespace CloudFs.AccountServer.Data;

/// <summary>What an object commit decides on, read (and locked) together.</summary>
/// <param name="Existing">The row the name has now, locked.</param>
/// <param name="Collectable">Of the blobs the commit names, those a collector may hold (GarbageRepository.Collectable).</param>
/// <param name="ContainerSys">The container's system metadata (versioning settings).</param>
/// <param name="Quotas">The account's and container's quota rows, locked; null when one is missing.</param>
public sealed record ObjectCommitSnapshot(StobjRow? Existing, IReadOnlyList<string> Collectable, Dictionary<string, string> ContainerSys,
    (QuotaState Account, QuotaState Container)? Quotas);

/// <summary>What <see cref="ObjectCommitReads.LoadGuessingAsync"/> read: the rows that place the name, and the commit's reads at the guessed place.</summary>
/// <param name="Chain">The directories found below the container, from the top; null when the container is not the guessed one (not read).</param>
public sealed record GuessedCommitReads(StobjRow? Account, StobjRow? Container, IReadOnlyList<StobjRow>? Chain, ObjectCommitSnapshot Snapshot);

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
        var reads = new CommitReads(new PlaceIds(place.Account!.Id, place.Container!.Id, place.Parent!.Value), place.Path.Leaf, blobIds);
        await using var results = await session.QueryMultipleAsync(reads.Sql, reads.Args, ct);
        return await reads.ReadAsync(results);
    }

    /// <summary>
    /// The commit's reads for the place <paramref name="guess"/> names, sent in one command after
    /// the read that finds the name's account, container and directories (what NamespaceLocator
    /// reads first). The caller checks the guess against the rows found before it uses the snapshot.
    /// </summary>
    public async Task<GuessedCommitReads> LoadGuessingAsync(CatalogSession session, string account, string container, ObjectPath path, PlaceIds guess,
        IEnumerable<string> blobIds, CancellationToken ct)
    {
        var paths = NamespaceLocator.DirectoryPaths(path);
        var reads = new CommitReads(guess, path.Leaf, blobIds);
        var sql = string.Join(";\n", [
            NamespaceRepository.SelectAccountAndContainer,
            .. paths.Count > 0 ? new[] { NamespaceRepository.SelectDirectoryChain } : [],
            reads.Sql,
        ]);
        var args = new DynamicParameters(reads.Args);
        args.AddDynamicParams(new { Root = NamespaceRepository.RootId, AccountName = account, ContainerName = container, ContainerId = guess.Container, Paths = paths });

        await using var results = await session.QueryMultipleAsync(sql, args, ct);
        var (accountRow, containerRow) = NamespaceRepository.AccountAndContainer(await results.ReadAsync<StobjRow>());
        IReadOnlyList<StobjRow>? chain = [];
        if (paths.Count > 0)
        {
            // Read below the guessed container: only the chain of the container found.
            var rows = await results.ReadAsync<StobjRow>();
            chain = containerRow?.Id == guess.Container ? NamespaceRepository.Chain(rows, guess.Container, paths.Count) : null;
        }

        return new GuessedCommitReads(accountRow, containerRow, chain, await reads.ReadAsync(results));
    }

    // The commit's reads for one place: their statements, their parameters and how their results are read.
    private sealed class CommitReads
    {
        private readonly bool _blobs;

        public CommitReads(PlaceIds place, string leaf, IEnumerable<string> blobIds)
        {
            var ids = blobIds.Where(id => id.Length > 0).Distinct(StringComparer.Ordinal).ToList();
            _blobs = ids.Count > 0;
            Sql = string.Join(";\n", [
                NamespaceRepository.SelectChildForUpdate,
                .. _blobs ? new[] { GarbageRepository.SelectNamedByRows, GarbageRepository.SelectNamedByPieces, GarbageRepository.SelectQueued } : [],
                MetadataRepository.SelectKind,
                QuotaRepository.SelectPairForUpdate,
            ]);
            Args = new
            {
                ParentId = place.Parent, Type = "object", Name = leaf,
                Ids = ids,
                Id = place.Container, Kind = MetadataRepository.Sys,
                place.Account, place.Container,
            };
            Place = place;
            BlobIds = ids;
        }

        public string Sql { get; }

        public object Args { get; }

        private PlaceIds Place { get; }

        private List<string> BlobIds { get; }

        public async Task<ObjectCommitSnapshot> ReadAsync(SqlMapper.GridReader results)
        {
            var existing = await results.ReadSingleOrDefaultAsync<StobjRow>();
            IReadOnlyList<string> collectable = [];
            if (_blobs)
            {
                var named = (await results.ReadAsync<string>()).Concat(await results.ReadAsync<string>()).ToList();
                collectable = GarbageRepository.Collectable(BlobIds, named, await results.ReadAsync<string>());
            }

            var containerSys = MetadataRepository.ToDictionary(await results.ReadAsync<(string Name, string Value)>());
            var quotas = QuotaRepository.Pair(await results.ReadAsync<QuotaRepository.QuotaRow>(), Place.Account, Place.Container);
            return new ObjectCommitSnapshot(existing, collectable, containerSys, quotas);
        }
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
