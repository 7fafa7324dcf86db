using CloudFs.Common.Contracts;
using CloudFs.Common.Hosting;
using CloudFs.Common.Paths;
using CloudFs.Common.Policies;
using CloudFs.Common.Results;
using CloudFs.ContainerServer.Core;
using Microsoft.AspNetCore.Http.Features;

namespace CloudFs.ContainerServer.Endpoints;

/// <summary>
/// The container server's functional URLs (docs/internal-api.md): GET/HEAD
/// <c>/{device}/{partition}/{account}[/{container}[/{object}]]</c>. The raw request target
/// is parsed here, so names keep empty segments and are percent-decoded exactly once.
/// </summary>
public static class ContainerServerEndpoints
{
    public static IEndpointRouteBuilder MapContainerServerApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("").AddEndpointFilter<CatalogReadyFilter>();
        api.MapMethods("/{device}/{partition}/{**rest}", [HttpMethods.Get, HttpMethods.Head], HandleAsync);
        api.MapGet("/search", SearchAllAsync);
        return app;
    }

    private static async Task<IResult> HandleAsync(HttpContext context, ListingService listings, ObjectResolver resolver,
        TreeTotalsService tree, SearchService search, StoragePolicyTable policies, VersionListingService versionListings)
    {
        var target = context.Features.Get<IHttpRequestFeature>()?.RawTarget ?? context.Request.Path.Value ?? "/";
        var question = target.IndexOf('?', StringComparison.Ordinal);
        var parsed = BackendPath.Parse(target);
        if (!parsed.IsSuccess)
        {
            return ErrorResults.From(parsed.Error);
        }

        var path = parsed.Value;

        var ct = context.RequestAborted;
        var isAdmin = string.Equals(context.Request.Headers[BackendHeaders.UserType], "admin", StringComparison.OrdinalIgnoreCase);
        if (path.Object is not null)
        {
            var objectQuery = QueryParameters.Parse(question >= 0 ? target[(question + 1)..] : "");
            var resolved = objectQuery.Values.TryGetValue("version-id", out var versionId)
                ? await resolver.ResolveVersionAsync(path, versionId, isAdmin, ct)
                : await resolver.ResolveAsync(path, isAdmin, ct);
            return resolved.IsSuccess ? Results.Json(resolved.Value, ContractJson.Default.ResolvedObject) : ErrorResults.From(resolved.Error);
        }

        var query = QueryParameters.Parse(question >= 0 ? target[(question + 1)..] : "");
        if (path.Container is not null && query.Values.ContainsKey("tree"))
        {
            return await TreeAsync(tree, path, query, isAdmin, ct);
        }

        if (path.Container is null && query.Values.ContainsKey("search"))
        {
            return await SearchAsync(search, path.Account, query, isAdmin, ct);
        }

        var parsedListing = ListingRequest.Parse(query, context.Request.Headers.Accept.ToString(), allowPath: path.Container is not null);
        if (!parsedListing.IsSuccess)
        {
            return ErrorResults.From(parsedListing.Error);
        }

        var parameters = parsedListing.Value;

        var head = HttpMethods.IsHead(context.Request.Method);
        if (path.Container is not null && !head && query.Values.ContainsKey("versions"))
        {
            // Object versioning's listing is JSON whatever was asked, without Vary (recorded from Swift).
            var versionListing = await versionListings.ListAsync(path.Account, path.Container, parameters,
                query.Values.GetValueOrDefault("version_marker"), isAdmin, ct);
            return !versionListing.IsSuccess
                ? ErrorResults.From(versionListing.Error)
                : new ListingResponse(ScopeHeaders.Container(versionListing.Value.Status, formatGiven: true, policies), "application/json",
                    VersionListingItem.Json(versionListing.Value.Items), head: false);
        }

        if (path.Container is not null)
        {
            var container = await listings.ContainerAsync(path, head ? null : parameters, isAdmin, ct);
            return !container.IsSuccess
                ? ErrorResults.From(container.Error)
                : new ListingResponse(ScopeHeaders.Container(container.Value.Status, parameters.FormatGiven, policies), parameters.ContentType,
                    ListingBody.Container(container.Value.Items, parameters.Format, path.Container, path.Account), head);
        }

        var account = await listings.AccountAsync(path, head ? null : parameters, isAdmin, ct);
        return !account.IsSuccess
            ? ErrorResults.From(account.Error)
            : new ListingResponse(ScopeHeaders.Account(account.Value.Status, parameters.FormatGiven, policies), parameters.ContentType,
                ListingBody.Account(account.Value.Items, parameters.Format, path.Account), head);
    }

    // GET /search?...: every account (the proxy lets only admins in).
    private static async Task<IResult> SearchAllAsync(HttpContext context, SearchService search)
    {
        var target = context.Features.Get<IHttpRequestFeature>()?.RawTarget ?? "";
        var question = target.IndexOf('?', StringComparison.Ordinal);
        var isAdmin = string.Equals(context.Request.Headers[BackendHeaders.UserType], "admin", StringComparison.OrdinalIgnoreCase);
        return await SearchAsync(search, null, QueryParameters.Parse(question >= 0 ? target[(question + 1)..] : ""), isAdmin,
            context.RequestAborted);
    }

    private static async Task<IResult> TreeAsync(TreeTotalsService tree, BackendPath path, QueryParameters query, bool isAdmin, CancellationToken ct)
    {
        var request = TreeRequest.Parse(query);
        if (!request.IsSuccess)
        {
            return ErrorResults.From(request.Error);
        }

        var root = await tree.TreeAsync(path, request.Value, isAdmin, ct);
        return root.IsSuccess ? Results.Json(root.Value) : ErrorResults.From(root.Error);
    }

    private static async Task<IResult> SearchAsync(SearchService search, string? account, QueryParameters query, bool isAdmin, CancellationToken ct)
    {
        var request = SearchRequest.Parse(query);
        if (!request.IsSuccess)
        {
            return ErrorResults.From(request.Error);
        }

        var result = await search.SearchAsync(account, request.Value, isAdmin, ct);
        return result.IsSuccess ? Results.Json(result.Value) : ErrorResults.From(result.Error);
    }
}
