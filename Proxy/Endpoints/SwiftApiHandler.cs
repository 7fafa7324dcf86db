using CloudFs.Backend;
using CloudFs.Common.Contracts;
using CloudFs.Common.Results;
using CloudFs.Common.Time;
using CloudFs.Proxy.Auth;
using CloudFs.Proxy.Backend;
using CloudFs.Proxy.Extensions;
using CloudFs.Proxy.Forwarding;
using CloudFs.Proxy.LargeObjects;
using CloudFs.Proxy.Middleware.TempUrl;
using CloudFs.Proxy.Objects;
using CloudFs.Proxy.Paths;
using CloudFs.Proxy.Routing;
using CloudFs.Proxy.Symlinks;
using CloudFs.Proxy.Versioning;
using CloudFs.Ring;
using Microsoft.AspNetCore.Http.Features;

namespace CloudFs.Proxy.Endpoints;

/// <summary>
/// Every <c>/v1/...</c> request: parse the raw target, strip client-sent internal headers,
/// authenticate, authorise, then hand the request to the role server the rings pick.
/// </summary>
public sealed class SwiftApiHandler(TokenValidator tokens, CatalogClient catalog, Forwarder forwarder, RingSet rings, NodeSelector selector,
    ObjectGetHandler gets, ObjectPutHandler puts, SloPutHandler manifests, SloDeleteHandler manifestDeletes, SymlinkHandler symlinks, ExtensionHandler extensions, TimeProvider time)
{
    public async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        var raw = context.Features.Get<IHttpRequestFeature>()?.RawTarget ?? request.Path.Value ?? "/";
        var parsed = ResourcePathParser.Parse(raw);
        if (!parsed.IsSuccess)
        {
            await ProxyResults.Error(context, parsed.Error);
            return;
        }

        var path = parsed.Value;
        foreach (var name in request.Headers.Keys.Where(BackendHeaders.IsBackend).ToList())
        {
            request.Headers.Remove(name);
        }

        var call = new CallContext(context.TraceIdentifier, Timestamp.Now(time), null);
        try
        {
            var token = FirstHeader(request, "X-Auth-Token", "X-Storage-Token");
            // A verified temp URL stands in for the token, as Swift's authorize_override does.
            if (token is not null && context.Features.Get<TempUrlGrant>() is null)
            {
                var who = await tokens.ValidateAsync(token, call, context.RequestAborted);
                if (who is null)
                {
                    await Unauthorized(context, path);
                    return;
                }

                // The proxy keeps the whole identity for its access rules; role servers get the caller.
                context.Features.Set(who);
                call = call with { Caller = who.AsCaller() };
            }

            await DispatchAsync(context, path, call);
        }
        catch (BackendUnavailableException)
        {
            if (!context.Response.HasStarted)
            {
                await ProxyResults.Unavailable(context);
            }
        }
    }

    private async Task DispatchAsync(HttpContext context, ResourcePath path, CallContext call)
    {
        var method = context.Request.Method;
        if (ExtensionHandler.Handles(context.Request, path))
        {
            await ExtensionAsync(context, path, call);
            return;
        }

        // Swift's dlo checks the header before any access rule.
        if (path.Level == ResourceLevel.Object && method is "PUT" or "POST" or "COPY" && LargeObjects.DloManifest.Check(context.Request.Headers) is { } badManifest)
        {
            await ProxyResults.Error(context, badManifest);
            return;
        }

        if (path.Level == ResourceLevel.Object && (method == "COPY" || (method == "PUT" && context.Request.Headers.ContainsKey("X-Copy-From"))))
        {
            await CopyAsync(context, path, call);
            return;
        }

        // Swift's container PUT/POST cleans the ACL headers before it drops the owner-only ones,
        // so even a user who may not set them gets the 400; access is still decided first.
        var badAcl = path.Level == ResourceLevel.Container && method is "PUT" or "POST" ? CleanAcls(context.Request) : null;
        if (!await AuthorizeAsync(context, path, method, call))
        {
            return;
        }

        if (badAcl is not null)
        {
            await ProxyResults.Error(context, badAcl);
            return;
        }

        if (context.Features.Get<AccountGrant>() is { } grant && call.Caller is { } caller)
        {
            call = call with { Caller = caller with { AclAccount = grant.Account } };
        }

        switch (path.Level, method)
        {
            case (ResourceLevel.Account, "GET" or "HEAD"):
                await ForwardReadAsync(context, path, call, rings.Container, rings.Container.GetPartition(path.Account));
                break;
            case (ResourceLevel.Account, "POST" or "PUT"):
            case (ResourceLevel.Container, "PUT" or "POST" or "DELETE"):
                await ForwardWriteAsync(context, path, call);
                break;
            case (ResourceLevel.Container, "GET" or "HEAD"):
                await ForwardReadAsync(context, path, call, rings.Container, rings.Container.GetPartition(path.Account, path.Container!));
                break;
            case (ResourceLevel.Object, "GET" or "HEAD"):
                await gets.HandleAsync(context, path, call, target => AuthorizeAsync(context, target, method, call));
                break;
            case (ResourceLevel.Object, not ("GET" or "HEAD")) when SloPutHandler.ReservedHeaderMisused(context.Request):
                await ProxyResults.Error(context, CloudFsError.BadRequest(
                    "X-Static-Large-Object is a reserved header. To create a static large object add query param multipart-manifest=put."));
                break;
            case (ResourceLevel.Object, "DELETE") when SloDeleteHandler.Handles(context.Request):
                await manifestDeletes.DeleteAsync(context, path, call);
                break;
            case (ResourceLevel.Object, "PUT") when SloPutHandler.Handles(context.Request):
                await manifests.PutAsync(context, path, call);
                break;
            case (ResourceLevel.Object, "PUT"):
                await puts.PutAsync(context, path, call, target => AuthorizeAsync(context, target, "HEAD", call));
                break;
            case (ResourceLevel.Object, "POST" or "DELETE"):
                await ObjectCatalogWriteAsync(context, path, call);
                break;
            default:
                // Allow is set after the error answer clears the response, or it would be lost.
                context.Response.Clear();
                // Swift's 405 lists the controller's methods, the same at every level (COPY is the copy middleware's).
                context.Response.Headers.Allow = "DELETE, GET, HEAD, OPTIONS, POST, PUT";
                await CloudFs.Common.Hosting.ErrorResults.From(new CloudFsError(CloudFsErrorKind.MethodNotAllowed)).ExecuteAsync(context);
                break;
        }
    }

    private async Task CopyAsync(HttpContext context, ResourcePath path, CallContext call)
    {
        var request = context.Request;
        ResourcePath source;
        ResourcePath destination;
        if (request.Method == "COPY")
        {
            // Swift's copy middleware asks for Destination before anything else.
            if (string.IsNullOrEmpty(request.Headers["Destination"].ToString()))
            {
                await ProxyResults.Error(context, new CloudFsError(CloudFsErrorKind.PreconditionFailed, "Destination header required"));
                return;
            }

            var account = FirstHeader(request, "Destination-Account") ?? path.Account;
            var parsed = CopySource.Parse("Destination", request.Headers["Destination"].ToString(), account);
            if (!parsed.IsSuccess)
            {
                await ProxyResults.Error(context, parsed.Error);
                return;
            }

            (source, destination) = (path, parsed.Value);
        }
        else
        {
            if (request.ContentLength is > 0)
            {
                await ProxyResults.Error(context, CloudFsError.Plain(CloudFsErrorKind.BadRequest, "Copy requests require a zero byte body"));
                return;
            }

            var account = FirstHeader(request, "X-Copy-From-Account") ?? path.Account;
            var parsed = CopySource.Parse("X-Copy-From", request.Headers["X-Copy-From"].ToString(), account);
            if (!parsed.IsSuccess)
            {
                await ProxyResults.Error(context, parsed.Error);
                return;
            }

            (source, destination) = (parsed.Value, path);
        }

        if (await AuthorizeAsync(context, source, "GET", call) && await AuthorizeAsync(context, destination, "PUT", call))
        {
            await puts.CopyAsync(context, source, destination, call, target => AuthorizeAsync(context, target, "GET", call));
        }
    }

    private async Task ExtensionAsync(HttpContext context, ResourcePath path, CallContext call)
    {
        var method = context.Request.Method;
        if (method is "MOVE" or "COPY")
        {
            var destination = ExtensionHandler.Destination(context.Request, path);
            if (!destination.IsSuccess)
            {
                await ProxyResults.Error(context, destination.Error);
                return;
            }

            if (!await AuthorizeAsync(context, path, ExtensionHandler.SourceRight(method), call)
                || !await AuthorizeAsync(context, destination.Value, "PUT", call))
            {
                return;
            }
        }
        else if (!await AuthorizeAsync(context, path, "GET", call))
        {
            return;
        }

        await extensions.HandleAsync(context, path, call);
    }

    /// <summary>Swift's access rules for <paramref name="method"/> on <paramref name="path"/>; answers the refusal itself and returns false.</summary>
    internal async Task<bool> AuthorizeAsync(HttpContext context, ResourcePath path, string method, CallContext call)
    {
        // tempauth checks an account ACL header on any request, before deciding anything else.
        if (context.Request.Headers.TryGetValue(AccountAcl.Header, out var aclHeader))
        {
            if (!AccountAcl.TryValidate(aclHeader.ToString(), out var normalized, out var invalid))
            {
                context.Response.Clear();
                context.Response.StatusCode = StatusCodes.Status400BadRequest;
                context.Response.ContentType = "text/plain; charset=UTF-8";
                var body = System.Text.Encoding.UTF8.GetBytes(invalid);
                context.Response.ContentLength = body.Length;
                await context.Response.Body.WriteAsync(body, context.RequestAborted);
                return false;
            }

            context.Request.Headers[AccountAcl.Header] = normalized;
        }

        if (context.Features.Get<TempUrlGrant>() is { } grant)
        {
            if (grant.Covers(path.Account, path.Container))
            {
                return true;
            }

            await Unauthorized(context, path);
            return false;
        }

        var who = context.Features.Get<Identity>();
        var verdict = AccessPolicy.Decide(who, path, method);
        if (verdict == AccessVerdict.NeedsAcl)
        {
            var acl = await catalog.AclAsync(path.Account, path.Container!, call, context.RequestAborted) ?? ContainerAcl.None;
            verdict = AccessPolicy.DecideWithAcl(who, path, method, acl, FirstHeader(context.Request, "Referer"));
        }

        if (verdict == AccessVerdict.Forbidden && who is not null)
        {
            var accountAcl = await catalog.AccountAclAsync(path.Account, call, context.RequestAborted);
            verdict = AccessPolicy.DecideWithAccountAcl(who, path, method, accountAcl, verdict);
        }

        if (verdict == AccessVerdict.AllowedAsAccountAdmin || (verdict == AccessVerdict.AllowedByAccountAcl && method is not ("GET" or "HEAD")))
        {
            context.Features.Set(new AccountGrant(path.Account));
        }

        if (verdict is AccessVerdict.Allowed or AccessVerdict.AllowedByAccountAcl && who?.Owns(path.Account) != true)
        {
            OwnerHeaders.HideFrom(context);
        }

        switch (verdict)
        {
            case AccessVerdict.Allowed or AccessVerdict.AllowedByAccountAcl or AccessVerdict.AllowedAsAccountAdmin:
                return true;
            case AccessVerdict.Unauthorized:
                await Unauthorized(context, path);
                return false;
            default:
                await ProxyResults.Error(context, CloudFsErrorKind.Forbidden);
                return false;
        }
    }

    private Task ForwardReadAsync(HttpContext context, ResourcePath path, CallContext call, HashRing ring, int part) =>
        forwarder.ForwardAsync(context, selector.ForRead(ring, part),
            node => BackendUris.Catalog(node, part, path.Account, path.Container) + path.Query, call);

    private Task ForwardWriteAsync(HttpContext context, ResourcePath path, CallContext call)
    {
        var ring = rings.Account;
        var part = ring.GetPartition(path.Account);
        return forwarder.ForwardAsync(context, selector.ForAccountWrite(ring, part),
            node => BackendUris.Catalog(node, part, path.Account, path.Container) + path.Query, call);
    }

    private async Task ObjectCatalogWriteAsync(HttpContext context, ResourcePath path, CallContext call)
    {
        var request = context.Request;
        var headers = new List<KeyValuePair<string, string>>();
        var delete = request.Method == "DELETE";
        if (!delete && VersionQuery.Of(path.Query) is not null)
        {
            await ProxyResults.Error(context, CloudFsError.BadRequest("POST to a specific version is not allowed"));
            return;
        }

        if (delete)
        {
            headers.AddRange(ObjectVersionAnswer.DeleteHeaders(path));
        }

        if (!delete && await symlinks.RefusePostAsync(context))
        {
            return;
        }

        if (delete && request.Headers.ContainsKey(DeleteAtHeaders.IfDeleteAt))
        {
            // Checked against the record here; the catalog's DELETE itself does not compare it.
            var current = await catalog.ResolveAsync(path, call, context.RequestAborted);
            if (!current.IsSuccess && current.Error.Kind != CloudFsErrorKind.NotFound)
            {
                await ProxyResults.Error(context, current.Error);
                return;
            }

            var expiry = current.IsSuccess ? current.Value.DeleteAt : null;
            if (DeleteAtHeaders.CheckIfDeleteAt(request.Headers[DeleteAtHeaders.IfDeleteAt].ToString(), expiry) is { } mismatch)
            {
                await ProxyResults.Error(context, mismatch);
                return;
            }
        }

        if (!delete)
        {
            if (MetadataLimits.CheckHeaders(request.Headers.Select(h => new KeyValuePair<string, string>(h.Key, h.Value.ToString())), MetadataLimits.ObjectPrefix) is { } badMeta)
            {
                await ProxyResults.Error(context, badMeta);
                return;
            }

            var deleteAt = DeleteAtHeaders.Resolve(request.Headers[DeleteAtHeaders.At], request.Headers[DeleteAtHeaders.After], time.GetUtcNow().ToUnixTimeSeconds());
            if (!deleteAt.IsSuccess)
            {
                await ProxyResults.Error(context, deleteAt.Error);
                return;
            }

            if (deleteAt.Value is { } at)
            {
                headers.Add(new("X-Delete-At", at.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            }

            headers.AddRange(request.Headers.Where(h => ObjectHeaders.IsStored(h.Key) || h.Key.Equals("X-Remove-Delete-At", StringComparison.OrdinalIgnoreCase)
                    || h.Key.Equals("Content-Type", StringComparison.OrdinalIgnoreCase))
                .Select(h => new KeyValuePair<string, string>(h.Key, h.Value.ToString())));
        }

        var response = await catalog.WriteAsync(delete ? HttpMethod.Delete : HttpMethod.Post, path, headers, call, context.RequestAborted);
        if (response is not null)
        {
            ObjectVersionAnswer.FromCatalog(context, response.Header);
        }

        if (response is null)
        {
            await ProxyResults.Unavailable(context);
        }
        else if (!response.IsSuccess)
        {
            await ProxyResults.Error(context, StatusKinds.ToError(response));
        }
        else if (delete || !await symlinks.AnswerPostToLinkAsync(context, path, call))
        {
            context.Response.StatusCode = delete ? StatusCodes.Status204NoContent : StatusCodes.Status202Accepted;
            context.Response.ContentType = "text/html; charset=UTF-8";
            if (delete)
            {
                context.Response.ContentLength = 0;
            }
            else
            {
                // Swift's object POST answers 202 with swob's stock "Accepted" page.
                var page = System.Text.Encoding.UTF8.GetBytes(CloudFs.Common.Hosting.SwiftErrorPages.For(StatusCodes.Status202Accepted));
                context.Response.ContentLength = page.Length;
                await context.Response.Body.WriteAsync(page, context.RequestAborted);
            }
        }
    }

    /// <summary>Rewrites X-Container-Read/-Write as Swift stores them; the first invalid one's error, or null.</summary>
    private static CloudFsError? CleanAcls(HttpRequest request)
    {
        foreach (var name in (string[])["X-Container-Read", "X-Container-Write"])
        {
            if (!request.Headers.TryGetValue(name, out var value))
            {
                continue;
            }

            var cleaned = ContainerAclSyntax.Clean(name, value.ToString());
            if (!cleaned.IsSuccess)
            {
                return cleaned.Error;
            }

            request.Headers[name] = cleaned.Value;
        }

        return null;
    }

    private static Task Unauthorized(HttpContext context, ResourcePath path)
    {
        context.Response.Clear();
        context.Response.Headers.WWWAuthenticate = $"Swift realm=\"{Uri.EscapeDataString(path.Account)}\"";
        return CloudFs.Common.Hosting.ErrorResults.From(new CloudFsError(CloudFsErrorKind.Unauthorized)).ExecuteAsync(context);
    }

    private static string? FirstHeader(HttpRequest request, params string[] names) =>
        names.Select(n => request.Headers[n].ToString()).FirstOrDefault(v => v.Length > 0);
}
