using CloudFs.Catalog;
using CloudFs.Common.Paths;
using CloudFs.Common.Results;
using CloudFs.ContainerServer.Data;

namespace CloudFs.ContainerServer.Core;

/// <summary>
/// Account and container HEAD and GET: the scope's status from its catalog rows, and for a
/// GET the listing walked over keyset pages in one read session. Disabled (firewalled)
/// scopes are missing for non-admins, and so are disabled rows inside them.
/// </summary>
public sealed class ListingService(CatalogReads catalog, ScopeRepository scopes, ListingRepository listings, TimeProvider time)
{
    /// <summary>Container status plus, when <paramref name="parameters"/> is given, its listing.</summary>
    public async Task<Outcome<ListingResult>> ContainerAsync(
        BackendPath path, ListingParameters? parameters, bool isAdmin, CancellationToken ct)
    {
        await using var session = await catalog.BeginAsync(ct);

        var scope = await scopes.FindContainerAsync(session, path.Account, path.Container!, ct);
        if (scope?.ContainerId is not { } containerId || (!isAdmin && !(scope.AccountEnabled && scope.ContainerEnabled)))
        {
            return CloudFsError.NotFound();
        }

        var status = ScopeStatus.From(path.Container!, scope);
        if (parameters is null)
        {
            return new ListingResult(status, []);
        }

        var now = time.GetUtcNow().ToUnixTimeSeconds();
        var hidden = isAdmin ? null : new HiddenDirectories(listings, session, containerId);
        var items = await ListingWalker.WalkAsync(parameters,
            (range, token) => listings.ObjectsAsync(session, containerId, range, isAdmin, now, token),
            hidden, ct);
        if (parameters.Format == ListingFormat.Json)
        {
            items = await WithSymlinksAsync(session, containerId, items, ct);
        }

        return new ListingResult(status, items);
    }

    /// <summary>Links carry their target in JSON listings, as Swift's symlink middleware adds it (its XML and text have none).</summary>
    private async Task<IReadOnlyList<ListingItem>> WithSymlinksAsync(CatalogSession session, long containerId, IReadOnlyList<ListingItem> items,
        CancellationToken ct)
    {
        var empty = items.Where(i => !i.IsSubdir && i.Bytes == 0).Select(i => i.Name).ToList();
        if (empty.Count == 0)
        {
            return items;
        }

        var links = await listings.SymlinksAsync(session, containerId, empty, ct);
        return links.Count == 0 ? items
            : items.Select(i => !i.IsSubdir && links.TryGetValue(i.Name, out var link) ? i with { Symlink = link } : i).ToList();
    }

    /// <summary>Account status plus, when <paramref name="parameters"/> is given, its container listing.</summary>
    public async Task<Outcome<ListingResult>> AccountAsync(
        BackendPath path, ListingParameters? parameters, bool isAdmin, CancellationToken ct)
    {
        await using var session = await catalog.BeginAsync(ct);

        var scope = await scopes.FindAccountAsync(session, path.Account, ct);
        if (scope is null || (!isAdmin && !scope.AccountEnabled))
        {
            return CloudFsError.NotFound();
        }

        var status = ScopeStatus.From(path.Account, scope);
        if (parameters is null)
        {
            return new ListingResult(status, []);
        }

        // Accounts have no 'path' parameter; containers hang directly below the account.
        var items = await ListingWalker.WalkAsync(parameters with { Path = null },
            (range, token) => listings.ContainersAsync(session, scope.AccountId, range, isAdmin, token),
            hidden: null, ct);
        return new ListingResult(status, items);
    }
}
