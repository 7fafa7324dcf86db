using CloudFs.Backend;
using CloudFs.Common.Contracts;
using CloudFs.Common.Results;
using CloudFs.Proxy.Backend;
using CloudFs.Proxy.Endpoints;
using CloudFs.Proxy.Objects;
using CloudFs.Proxy.Paths;
using CloudFs.Proxy.Routing;
using CloudFs.Ring;

namespace CloudFs.Proxy.Extensions;

/// <summary>
/// The CloudFs additions to the Swift API (docs/extensions.md): MOVE, COPY of a directory,
/// ?tree, ?search and ?records. Authorisation has been decided by the caller; this turns
/// each into its functional URL and relays the role server's JSON answer.
/// </summary>
public sealed class ExtensionHandler(RoleClient client, RingSet rings, NodeSelector selector)
{
    /// <summary>True when the request is one of the extensions rather than plain Swift.</summary>
    public static bool Handles(HttpRequest request, ResourcePath path) => (path.Level, request.Method) switch
    {
        (ResourceLevel.Object, "MOVE") => true,
        (ResourceLevel.Object, "COPY") => path.Object!.EndsWith('/'),
        (ResourceLevel.Account, "GET") => request.Query.ContainsKey("records") || request.Query.ContainsKey("search"),
        (ResourceLevel.Container, "GET") => request.Query.ContainsKey("tree"),
        _ => false,
    };

    /// <summary>The method the caller's rights are checked for: moving out of a container is a delete there.</summary>
    public static string SourceRight(string method) => method == "MOVE" ? "DELETE" : "GET";

    public async Task HandleAsync(HttpContext context, ResourcePath path, CallContext call)
    {
        var request = context.Request;
        switch (path.Level, request.Method)
        {
            case (ResourceLevel.Object, "MOVE" or "COPY"):
                await TreeOperationAsync(context, path, call);
                break;
            case (ResourceLevel.Account, _) when request.Query.ContainsKey("records"):
                await RelayAsync(context, rings.Account, rings.Account.GetPartition(path.Account), HttpMethod.Get,
                    (node, part) => BackendUris.Catalog(node, part, path.Account, prefix: "/records") + path.Query, call, read: true);
                break;
            case (ResourceLevel.Account, _):
                await RelayAsync(context, rings.Container, rings.Container.GetPartition(path.Account), HttpMethod.Get,
                    (node, part) => BackendUris.Catalog(node, part, path.Account) + path.Query, call, read: true);
                break;
            default:
                await RelayAsync(context, rings.Container, rings.Container.GetPartition(path.Account, path.Container!), HttpMethod.Get,
                    (node, part) => BackendUris.Catalog(node, part, path.Account, path.Container) + path.Query, call, read: true);
                break;
        }
    }

    /// <summary>The destination of a MOVE or COPY, from Destination (and Destination-Account, refused when it names another account).</summary>
    public static Outcome<ResourcePath> Destination(HttpRequest request, ResourcePath path)
    {
        var account = request.Headers["Destination-Account"].ToString();
        if (account.Length > 0 && account != path.Account)
        {
            return CloudFsError.BadRequest("MOVE and directory COPY stay within one account.");
        }

        return CopySource.Parse("Destination", request.Headers["Destination"].ToString(), path.Account);
    }

    private async Task TreeOperationAsync(HttpContext context, ResourcePath path, CallContext call)
    {
        var destination = Destination(context.Request, path);
        if (!destination.IsSuccess)
        {
            await ProxyResults.Error(context, destination.Error);
            return;
        }

        var target = destination.Value;
        var verb = context.Request.Method == "MOVE" ? "/move" : "/copy";
        var encoded = "/" + string.Join('/', new[] { target.Container!, target.Object! }.SelectMany(s => s.Split('/')).Select(Uri.EscapeDataString));
        await RelayAsync(context, rings.Account, rings.Account.GetPartition(path.Account), HttpMethod.Post,
            (node, part) => BackendUris.Catalog(node, part, path.Account, path.Container, path.Object, verb), call, read: false,
            (BackendHeaders.Destination, encoded));
    }

    private async Task RelayAsync(HttpContext context, HashRing ring, int part, HttpMethod method, Func<RingDevice, int, string> pathAndQuery,
        CallContext call, bool read, params (string Name, string Value)[] headers)
    {
        var nodes = read ? selector.ForRead(ring, part) : selector.ForAccountWrite(ring, part);
        var response = await client.SendAsync(nodes, node =>
        {
            var request = RoleClient.Request(method, node, pathAndQuery(node, part), call);
            foreach (var (name, value) in headers)
            {
                request.Headers.TryAddWithoutValidation(name, value);
            }

            return request;
        }, idempotent: read, context.RequestAborted);
        if (response is null)
        {
            await ProxyResults.Unavailable(context);
        }
        else if (!response.IsSuccess)
        {
            await ProxyResults.Error(context, StatusKinds.ToError(response));
        }
        else
        {
            context.Response.StatusCode = response.Status;
            context.Response.ContentType = "application/json; charset=utf-8";
            await context.Response.WriteAsync(response.Body, context.RequestAborted);
        }
    }
}
