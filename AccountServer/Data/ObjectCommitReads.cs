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

/// <summary>What an object DELETE decides on, read (and locked) together.</summary>
/// <param name="Row">The row the name has now, locked; null when it has none.</param>
/// <param name="ContainerSys">The container's system metadata (versioning settings).</param>
/// <param name="Removal">
/// With a row: the quota rows were locked and its pieces read in the same command, what ObjectRemover
/// would read next; null when there is no row or a quota row is missing (ObjectRemover makes it).
/// </param>
public sealed record ObjectDeleteSnapshot(StobjRow? Row, Dictionary<string, string> ContainerSys, RemovalReads? Removal);

/// <summary>What a read at a guessed place found: the rows that place the name, and the reads made at the guessed place.</summary>
/// <param name="Chain">The directories found below the container, from the top; null when the container is not the guessed one (not read).</param>
/// <param name="AtGuess">The reads at the guessed place: to be used only if the name is found there.</param>
public sealed record GuessedReads<T>(StobjRow? Account, StobjRow? Container, IReadOnlyList<StobjRow>? Chain, T AtGuess);

/// <summary>
/// The reads of an object commit, and of an object DELETE, that do not depend on each other, sent
/// as one command each: on MariaDB a commit's six round trips become one, a DELETE's three one.
/// Each statement is its repository's own; the locks are taken in the order the single reads took
/// them (object row, rows naming its blobs, quota rows). Where the caller has a guess of the
/// name's place (PlaceGuesses), that command also carries the read that finds the place, first.
/// </summary>
public sealed class ObjectCommitReads
{
    /// <summary>
    /// The commit's reads at <paramref name="place"/>. <paramref name="blobIds"/> are the blobs the
    /// commit names; <paramref name="written"/>, one of them the proxy has just written, which no row
    /// or piece can name yet, so only the garbage queue is asked about it.
    /// </summary>
    public async Task<ObjectCommitSnapshot> LoadAsync(CatalogSession session, NamespacePlace place, IReadOnlyList<string> blobIds, string? written,
        CancellationToken ct)
    {
        var reads = new CommitReads(new PlaceIds(place.Account!.Id, place.Container!.Id, place.Parent!.Value), place.Path.Leaf, blobIds, written);
        await using var results = await session.QueryMultipleAsync(reads.Sql, reads.Args, ct);
        return await reads.ReadAsync(results);
    }

    /// <summary>
    /// The commit's reads for the place <paramref name="guess"/> names, sent in one command after
    /// the read that finds the name's account, container and directories (what NamespaceLocator
    /// reads first). The caller checks the guess against the rows found before it uses the snapshot.
    /// </summary>
    public Task<GuessedReads<ObjectCommitSnapshot>> LoadGuessingAsync(CatalogSession session, string account, string container, ObjectPath path,
        PlaceIds guess, IReadOnlyList<string> blobIds, string? written, CancellationToken ct)
    {
        var reads = new CommitReads(guess, path.Leaf, blobIds, written);
        return GuessingAsync(session, account, container, path, guess, reads.Sql, reads.Args, reads.ReadAsync, ct);
    }

    /// <summary><see cref="LoadForDeleteAsync"/> at the place <paramref name="guess"/> names, as <see cref="LoadGuessingAsync"/> does.</summary>
    public Task<GuessedReads<ObjectDeleteSnapshot>> LoadForDeleteGuessingAsync(CatalogSession session, string account,
        string container, ObjectPath path, PlaceIds guess, CancellationToken ct) =>
        GuessingAsync(session, account, container, path, guess, DeleteReads, DeleteArgs(guess, path.Leaf), results => ReadForDeleteAsync(results, guess), ct);

    private static async Task<GuessedReads<T>> GuessingAsync<T>(CatalogSession session, string account, string container, ObjectPath path, PlaceIds guess,
        string sql, object args, Func<SqlMapper.GridReader, Task<T>> read, CancellationToken ct)
    {
        var paths = NamespaceLocator.DirectoryPaths(path);
        var all = new DynamicParameters(args);
        all.AddDynamicParams(new { Root = NamespaceRepository.RootId, AccountName = account, ContainerName = container, ContainerId = guess.Container, Paths = paths });
        await using var results = await session.QueryMultipleAsync(string.Join(";\n", [
            NamespaceRepository.SelectAccountAndContainer,
            .. paths.Count > 0 ? new[] { NamespaceRepository.SelectDirectoryChain } : [],
            sql,
        ]), all, ct);
        var (accountRow, containerRow) = NamespaceRepository.AccountAndContainer(await results.ReadAsync<StobjRow>());
        IReadOnlyList<StobjRow>? chain = [];
        if (paths.Count > 0)
        {
            // Read below the guessed container: only the chain of the container found.
            var rows = await results.ReadAsync<StobjRow>();
            chain = containerRow?.Id == guess.Container ? NamespaceRepository.Chain(rows, guess.Container, paths.Count) : null;
        }

        return new GuessedReads<T>(accountRow, containerRow, chain, await read(results));
    }

    // The commit's reads for one place: their statements, their parameters and how their results are read.
    private sealed class CommitReads
    {
        private readonly PlaceIds _place;
        private readonly IReadOnlyList<string> _blobIds;
        private readonly bool _askNames;

        // blobIds: distinct and none empty, as ObjectService.BlobsOf gives them.
        public CommitReads(PlaceIds place, string leaf, IReadOnlyList<string> blobIds, string? written)
        {
            // A blob written for this commit has an id nobody had before: no row or piece can name
            // it, so asking (two statements of a PUT's dozen) is left out; the queue is still asked,
            // as the proxy may have given the upload up while its commit was on the way.
            var named = blobIds.Where(id => !string.Equals(id, written, StringComparison.Ordinal)).ToList();
            _askNames = named.Count > 0;
            Sql = string.Join(";\n", [
                NamespaceRepository.SelectChildForUpdate,
                .. _askNames ? new[] { GarbageRepository.SelectNamedByRows, GarbageRepository.SelectNamedByPieces } : [],
                .. blobIds.Count > 0 ? new[] { GarbageRepository.SelectQueued } : [],
                MetadataRepository.SelectKind,
                QuotaRepository.SelectPairForUpdate,
            ]);
            Args = new
            {
                ParentId = place.Parent, Type = "object", Name = leaf,
                Ids = blobIds, Named = named,
                Id = place.Container, Kind = MetadataRepository.Sys,
                place.Account, place.Container,
            };
            _place = place;
            _blobIds = blobIds;
        }

        public string Sql { get; }

        public object Args { get; }

        public async Task<ObjectCommitSnapshot> ReadAsync(SqlMapper.GridReader results)
        {
            var existing = await results.ReadSingleOrDefaultAsync<StobjRow>();
            IReadOnlyList<string> collectable = [];
            if (_blobIds.Count > 0)
            {
                var named = _askNames ? (await results.ReadAsync<string>()).Concat(await results.ReadAsync<string>()).ToList() : [];
                collectable = GarbageRepository.Collectable(_blobIds, named, await results.ReadAsync<string>());
            }

            var containerSys = MetadataRepository.ToDictionary(await results.ReadAsync<(string Name, string Value)>());
            var quotas = QuotaRepository.Pair(await results.ReadAsync<QuotaRepository.QuotaRow>(), _place.Account, _place.Container);
            return new ObjectCommitSnapshot(existing, collectable, containerSys, quotas);
        }
    }

    /// <summary>
    /// What a DELETE decides on, in one round trip: the row the name has now (locked; null when
    /// it has none, or <paramref name="place"/> has no parent directory), the container's system
    /// metadata (versioning settings), and what removing the row reads first (the quota rows,
    /// locked, and the blobs of its pieces).
    /// </summary>
    public async Task<ObjectDeleteSnapshot> LoadForDeleteAsync(CatalogSession session, NamespacePlace place, CancellationToken ct)
    {
        var ids = new PlaceIds(place.Account!.Id, place.Container!.Id, place.Parent ?? 0);
        var args = DeleteArgs(ids, place.Path.Leaf);
        if (place.Parent is null)
        {
            return new ObjectDeleteSnapshot(null,
                MetadataRepository.ToDictionary(await session.QueryAsync<(string Name, string Value)>(MetadataRepository.SelectKind, args, ct)), null);
        }

        await using var results = await session.QueryMultipleAsync(DeleteReads, args, ct);
        return await ReadForDeleteAsync(results, ids);
    }

    // The row first and the quota rows after it, the order every writer locks them in.
    private const string DeleteReads = NamespaceRepository.SelectChildForUpdate + ";\n" + MetadataRepository.SelectKind + ";\n"
        + QuotaRepository.SelectPairForUpdate + ";\n" + SegmentRepository.SelectBlobsOfChild;

    private static object DeleteArgs(PlaceIds place, string leaf) =>
        new { ParentId = place.Parent, Type = "object", Name = leaf, Id = place.Container, Kind = MetadataRepository.Sys, place.Account, place.Container };

    private static async Task<ObjectDeleteSnapshot> ReadForDeleteAsync(SqlMapper.GridReader results, PlaceIds place)
    {
        var row = await results.ReadSingleOrDefaultAsync<StobjRow>();
        var containerSys = MetadataRepository.ToDictionary(await results.ReadAsync<(string Name, string Value)>());
        var quotas = QuotaRepository.Pair(await results.ReadAsync<QuotaRepository.QuotaRow>(), place.Account, place.Container);
        var pieces = (await results.ReadAsync<string>()).ToList();
        return new ObjectDeleteSnapshot(row, containerSys, row is not null && quotas is not null ? new RemovalReads(pieces) : null);
    }
}
