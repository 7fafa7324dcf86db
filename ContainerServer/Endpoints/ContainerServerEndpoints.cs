using CloudFs.Common.Hosting;
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
    public const string UserTypeHeader = "X-Backend-User-Type";

    public static IEndpointRouteBuilder MapContainerServerApi(this IEndpointRouteBuilder app)
    {
        app.MapMethods("/{device}/{partition}/{**rest}", [HttpMethods.Get, HttpMethods.Head], HandleAsync);
        return app;
    }

    private static async Task<IResult> HandleAsync(HttpContext context, ListingService listings, ObjectResolver resolver)
    {
        var target = context.Features.Get<IHttpRequestFeature>()?.RawTarget ?? context.Request.Path.Value ?? "/";
        var question = target.IndexOf('?', StringComparison.Ordinal);
        var (path, pathError) = BackendPath.Parse(question >= 0 ? target[..question] : target);
        if (path is null)
        {
            return ErrorResults.From(pathError!);
        }

        var ct = context.RequestAborted;
        var isAdmin = string.Equals(context.Request.Headers[UserTypeHeader], "admin", StringComparison.OrdinalIgnoreCase);
        if (path.Object is not null)
        {
            var (resolved, error) = await resolver.ResolveAsync(path, isAdmin, ct);
            return resolved is null ? ErrorResults.From(error!) : Results.Json(resolved);
        }

        var query = QueryParameters.Parse(question >= 0 ? target[(question + 1)..] : "");
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
}
