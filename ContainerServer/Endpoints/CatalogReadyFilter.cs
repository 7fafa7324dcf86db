using CloudFs.Common.Hosting;
using CloudFs.ContainerServer.Core;
using CloudFs.ContainerServer.Data;

namespace CloudFs.ContainerServer.Endpoints;

/// <summary>
/// The one gate in front of every catalog read: until the account server has migrated the
/// schema this build reads, the answer is 503 (checked again per request, so none waits for
/// the startup poll); once ready it stays ready and costs nothing.
/// </summary>
public sealed class CatalogReadyFilter(CatalogReads catalog) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next) =>
        catalog.IsReady || await catalog.RefreshAsync(context.HttpContext.RequestAborted)
            ? await next(context)
            : ErrorResults.From(CatalogNotReady.Error);
}
