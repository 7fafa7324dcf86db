using CloudFs.Common.Contracts;
using CloudFs.Common.Hosting;
using CloudFs.Common.Paths;
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
        app.MapMethods("/{device}/{partition}/{**rest}", [HttpMethods.Get, HttpMethods.Head], HandleAsync);
        app.MapGet("/search", SearchAllAsync);
        return app;
    }

    private static async Task<IResult> HandleAsync(HttpContext context, ListingService listings, ObjectResolver resolver,
        TreeService tree, SearchService search)
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
            var (resolved, error) = await resolver.ResolveAsync(path, isAdmin, ct);
            return resolved is null ? ErrorResults.From(error!) : Results.Json(resolved, ContractJson.Default.ResolvedObject);
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

        var (parameters, parseError, notAcceptable) = ListingRequest.Parse(query, context.Request.Headers.Accept.ToString(),
            allowPath: path.Container is not null);
        if (notAcceptable)
        {
            return ErrorResults.From(new CloudFsError(CloudFsErrorKind.NotAcceptable));
        }

        if (parameters is null)
        {
            return ErrorResults.From(parseError!);
        }

        var head = HttpMethods.IsHead(context.Request.Method);
        if (path.Container is not null)
        {
            var (container, error) = await listings.ContainerAsync(path, head ? null : parameters, isAdmin, ct);
            return container is null
                ? ErrorResults.From(error!)
                : new ListingResponse(ScopeHeaders.Container(container.Status, parameters.FormatGiven), parameters.ContentType,
                    ListingBody.Container(container.Items, parameters.Format, path.Container), head);
        }

        var (account, accountError) = await listings.AccountAsync(path, head ? null : parameters, isAdmin, ct);
        return account is null
            ? ErrorResults.From(accountError!)
            : new ListingResponse(ScopeHeaders.Account(account.Status, parameters.FormatGiven), parameters.ContentType,
                ListingBody.Account(account.Items, parameters.Format, path.Account), head);
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

    private static async Task<IResult> TreeAsync(TreeService tree, BackendPath path, QueryParameters query, bool isAdmin, CancellationToken ct)
    {
        var (request, parseError) = TreeRequest.Parse(query);
        if (request is null)
        {
            return ErrorResults.From(parseError!);
        }

        var (root, error) = await tree.TreeAsync(path, request, isAdmin, ct);
        return root is null ? ErrorResults.From(error!) : Results.Json(root);
    }

    private static async Task<IResult> SearchAsync(SearchService search, string? account, QueryParameters query, bool isAdmin, CancellationToken ct)
    {
        var (request, parseError) = SearchRequest.Parse(query);
        if (request is null)
        {
            return ErrorResults.From(parseError!);
        }

        var (result, error) = await search.SearchAsync(account, request, isAdmin, ct);
        return result is null ? ErrorResults.From(error!) : Results.Json(result);
    }
}
