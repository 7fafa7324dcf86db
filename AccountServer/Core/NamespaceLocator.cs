using CloudFs.AccountServer.Data;
using CloudFs.Catalog;
using CloudFs.Common.Results;

namespace CloudFs.AccountServer.Core;

/// <summary>Walks a name down the tree (account, container, directories), checking the firewall on the way.</summary>
public sealed class NamespaceLocator(NamespaceRepository names, TimeProvider time)
{
    /// <summary>Where names were found last (for reads sent ahead of the locate's own, ObjectService; MariaDB only).</summary>
    public PlaceGuesses Guesses { get; } = new();

    /// <summary>Finds account, container and the directory chain of a name, creating missing directories when asked.</summary>
    public async Task<NamespacePlace> LocateAsync(CatalogSession session, WriteContext ctx, string account, string container, ObjectPath path, bool create, CancellationToken ct)
    {
        var (accountRow, containerRow) = await names.FindAccountAndContainerAsync(session, account, container, ct);
        return await PlaceAsync(session, ctx, account, container, path, accountRow, containerRow, chain: null, create, ct);
    }

    /// <summary>
    /// <see cref="LocateAsync"/> on rows read already: the account's and the container's, and the
    /// directory chain below that container when it was read with them (null: read it now).
    /// </summary>
    public async Task<NamespacePlace> PlaceAsync(CatalogSession session, WriteContext ctx, string account, string container, ObjectPath path,
        StobjRow? accountRow, StobjRow? containerRow, IReadOnlyList<StobjRow>? chain, bool create, CancellationToken ct)
    {
        var place = new NamespacePlace(account, container, path, accountRow, containerRow);
        if (containerRow is null)
        {
            return place with { Error = CloudFsError.NotFound() };
        }

        if (Access.Blocks(ctx.Caller, accountRow) || Access.Blocks(ctx.Caller, containerRow))
        {
            return place with { Error = Access.Forbidden() };
        }

        // The directories that exist, in one read; only missing ones cost statements of their own.
        var paths = DirectoryPaths(path);
        var found = chain ?? await names.FindDirectoryChainAsync(session, containerRow.Id, paths, ct);
        var parent = containerRow.Id;
        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        for (var depth = 0; depth < path.Directories.Count; depth++)
        {
            var dir = depth < found.Count ? found[depth] : null;
            if (dir is null && create)
            {
                dir = (await names.InsertChildAsync(session, new NewStobj(parent, accountRow!.Id, containerRow.Id, path.Directories[depth],
                    paths[depth], "directory", ctx.Timestamp.Units), now, ct)).Row;
            }

            if (dir is null)
            {
                return place with { Parent = null };
            }

            if (Access.Blocks(ctx.Caller, dir))
            {
                return place with { Error = Access.Forbidden() };
            }

            place.DirectoryIds.Add(dir.Id);
            parent = dir.Id;
        }

        place = place with { Parent = parent };
        if (session.Dialect.CommandsAreRoundTrips)
        {
            Guesses.Remember(place);
        }

        return place;
    }

    /// <summary>The paths of a name's directories, from the top: a, a/b, a/b/c.</summary>
    public static IReadOnlyList<string> DirectoryPaths(ObjectPath path) =>
        Enumerable.Range(1, path.Directories.Count).Select(path.DirectoryPath).ToList();
}
