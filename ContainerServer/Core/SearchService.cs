using CloudFs.Catalog;
using CloudFs.Common.Results;
using CloudFs.ContainerServer.Data;

namespace CloudFs.ContainerServer.Core;

/// <summary>
/// Search by last segment, size and time within one account or across all of them (accounts
/// in name order, each read over the (account_id, type, name) index in (name, id) order),
/// paged by an opaque keyset marker. Expired objects are never found; for non-admins
/// neither are disabled accounts, containers, rows, nor anything below a disabled directory.
/// </summary>
public sealed class SearchService(CatalogReads catalog, ScopeRepository scopes, SearchRepository search, ListingRepository listings,
    TimeProvider time)
{
    private const int AccountBatch = 100;

    /// <summary>Searches <paramref name="account"/>, or every account when it is null.</summary>
    public async Task<Outcome<SearchResult>> SearchAsync(string? account, SearchRequest request, bool isAdmin,
        CancellationToken ct)
    {
        await using var session = await catalog.BeginAsync(ct);

        var marker = request.Marker;
        IAsyncEnumerable<AccountRow> accounts;
        if (account is not null)
        {
            var scope = await scopes.FindAccountAsync(session, account, ct);
            if (scope is null || (!isAdmin && !scope.AccountEnabled))
            {
                return CloudFsError.NotFound();
            }

            if (marker is not null && marker.Account != account)
            {
                return CloudFsError.BadRequest("Invalid marker");
            }

            accounts = new[] { new AccountRow { Id = scope.AccountId, Name = account, State = "enabled" } }.ToAsyncEnumerable();
        }
        else
        {
            accounts = AllAccountsAsync(session, marker?.Account, isAdmin, ct);
        }

        var page = new SearchPage(request.Limit);
        var firewall = isAdmin ? null : new SearchFirewall(listings, session);
        var now = time.GetUtcNow().ToUnixTimeSeconds();
        await foreach (var row in accounts)
        {
            var name = CatalogNames.Read(row.Name);
            await SearchAccountAsync(session, row.Id, name, request, marker?.Account == name ? marker : null, isAdmin,
                firewall, now, page, ct);
            if (page.Full)
            {
                break;
            }
        }

        return page.Result();
    }

    private async Task SearchAccountAsync(CatalogSession session, long accountId, string account,
        SearchRequest request, SearchMarker? marker, bool isAdmin, SearchFirewall? firewall, long now, SearchPage page, CancellationToken ct)
    {
        long? containerId = null;
        if (request.Container is not null)
        {
            var container = await search.ContainerAsync(session, accountId, request.Container, ct);
            if (container is null || (!isAdmin && container.State != "enabled"))
            {
                return;
            }

            containerId = container.Id;
        }

        (string Name, long Id)? after = marker is null ? null : (marker.Name, marker.Id);
        while (!page.Full)
        {
            var want = page.Wanted;
            var rows = await search.SearchAsync(session, accountId, request, containerId, after, want, isAdmin, now, ct);
            var visible = firewall is null ? rows : await firewall.VisibleAsync(rows, ct);
            foreach (var row in visible)
            {
                page.Add(new SearchHit(account, CatalogNames.Read(row.Container), CatalogNames.Read(row.Path), row.Bytes, row.Hash,
                    row.ContentType, ListingBody.LastModified(row.Timestamp), new SearchMarker(account, CatalogNames.Read(row.Name), row.Id)));
            }

            if (rows.Count < want)
            {
                return;
            }

            after = (CatalogNames.Read(rows[^1].Name), rows[^1].Id);
        }
    }

    private async IAsyncEnumerable<AccountRow> AllAccountsAsync(CatalogSession session, string? from, bool isAdmin,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        var inclusive = true;
        while (true)
        {
            var batch = await search.AccountsAsync(session, from, inclusive, AccountBatch, isAdmin, ct);
            foreach (var row in batch)
            {
                yield return row;
            }

            if (batch.Count < AccountBatch)
            {
                yield break;
            }

            from = CatalogNames.Read(batch[^1].Name);
            inclusive = false;
        }
    }
}
