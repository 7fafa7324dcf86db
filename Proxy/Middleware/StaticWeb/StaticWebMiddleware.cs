using System.Text;
using System.Text.Json;
using CloudFs.Backend;
using CloudFs.Common.Hosting;
using CloudFs.Common.Results;
using CloudFs.Common.Time;
using CloudFs.Proxy.Auth;
using CloudFs.Proxy.Backend;
using CloudFs.Proxy.Middleware.TempUrl;
using CloudFs.Proxy.Objects;
using CloudFs.Proxy.Paths;
using CloudFs.Proxy.Routing;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;

namespace CloudFs.Proxy.Middleware.StaticWeb;

/// <summary>
/// Swift's staticweb: anonymous GET/HEAD (or X-Web-Mode: true) on a container set up as a web
/// site is served like one: index pages, redirects to the trailing slash, HTML listings,
/// custom error pages. Anything else goes on to the API unchanged.
/// </summary>
public sealed class StaticWebMiddleware(RequestDelegate next, IOptionsMonitor<StaticWebOptions> options, ScopeInfoCache scopes,
    TokenValidator tokens, CatalogClient catalog, ObjectGetHandler gets, RoleClient client, RingSet rings, NodeSelector selector, TimeProvider time)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        var raw = context.Features.Get<IHttpRequestFeature>()?.RawTarget ?? request.Path.Value ?? "/";
        var rawPath = raw.Split('?', 2)[0];
        if (!options.CurrentValue.Enabled || request.Method is not ("GET" or "HEAD") || context.Features.Get<TempUrlGrant>() is not null
            || ResourcePathParser.Parse(raw) is not { IsSuccess: true, Value: { Container: not null } path })
        {
            await next(context);
            return;
        }

        var call = new CallContext(context.TraceIdentifier, Timestamp.Now(time), null);
        var webMode = StaticWebSettings.IsTrue(request.Headers["X-Web-Mode"]);
        Identity? who = null;
        var token = new[] { "X-Auth-Token", "X-Storage-Token" }.Select(h => request.Headers[h].ToString()).FirstOrDefault(v => v.Length > 0);
        if (token is not null)
        {
            // A signed-in user sees the API unless asking for the web view; a bad token is the API's 401.
            who = webMode ? await tokens.ValidateAsync(token, call, context.RequestAborted) : null;
            if (who is null)
            {
                await next(context);
                return;
            }

            call = call with { Caller = who.AsCaller() };
        }

        var info = await scopes.ContainerAsync(path.Account, path.Container, context.TraceIdentifier, context.RequestAborted);
        var settings = StaticWebSettings.From(info);
        if (!settings.IsSite && !webMode)
        {
            // Not a web site: the API answers as it would without staticweb.
            await next(context);
            return;
        }

        var site = new Site(context, path, rawPath, settings, info, who, call, webMode);
        if (path.Object is null)
        {
            await ContainerAsync(site);
        }
        else
        {
            await ObjectAsync(site);
        }
    }

    private async Task ContainerAsync(Site site)
    {
        if (Denied(site) is { } denied)
        {
            await ErrorAsync(site, denied, () => DefaultErrorAsync(site, denied));
            return;
        }

        if (!site.Settings.IsSite)
        {
            if (site.WebMode)
            {
                await DefaultErrorAsync(site, 404);
            }
            else
            {
                await next(site.Context);
            }

            return;
        }

        if (!site.RawPath.EndsWith('/'))
        {
            await RedirectAsync(site);
            return;
        }

        // Swift's answers on the container path vary with Accept (a container GET's would).
        site.Context.Response.Headers.Vary = "Accept";
        if (site.Settings.Index.Length == 0)
        {
            await ListingAsync(site, "");
            return;
        }

        var index = site.Path with { Object = site.Settings.Index, Query = "" };
        var found = await catalog.ResolveAsync(index, site.Call, site.Context.RequestAborted);
        if (found.IsSuccess)
        {
            await gets.HandleAsync(site.Context, index, site.Call);
        }
        else if (found.Error.Kind == CloudFsErrorKind.NotFound)
        {
            await ListingAsync(site, "");
        }
        else
        {
            await ErrorAsync(site, ErrorStatus.ToStatus(found.Error.Kind), () => DefaultErrorAsync(site, ErrorStatus.ToStatus(found.Error.Kind)));
        }
    }

    private async Task ObjectAsync(Site site)
    {
        // Errors other than "not found" are the API's own, without custom pages, as in Swift.
        if (Denied(site) is { } denied)
        {
            await DefaultErrorAsync(site, denied);
            return;
        }

        var path = site.Path with { Query = "" };
        var found = await catalog.ResolveAsync(path, site.Call, site.Context.RequestAborted);
        if (found.IsSuccess && !(found.Value.ContentType == site.Settings.MarkerType && found.Value.Bytes <= 1))
        {
            await gets.HandleAsync(site.Context, site.Path, site.Call);
            return;
        }

        if (!found.IsSuccess && found.Error.Kind != CloudFsErrorKind.NotFound)
        {
            await DefaultErrorAsync(site, ErrorStatus.ToStatus(found.Error.Kind));
            return;
        }

        if (!site.Settings.IsSite)
        {
            await DefaultErrorAsync(site, 404);
            return;
        }

        var slash = site.RawPath.EndsWith('/');
        if (site.Settings.Index.Length > 0)
        {
            var index = path with { Object = path.Object!.TrimEnd('/') + "/" + site.Settings.Index };
            if ((await catalog.ResolveAsync(index, site.Call, site.Context.RequestAborted)).IsSuccess)
            {
                if (!slash)
                {
                    await RedirectAsync(site);
                }
                else
                {
                    await gets.HandleAsync(site.Context, index, site.Call);
                }

                return;
            }
        }

        if (!slash)
        {
            // A "directory" without an index: redirect when anything is under it, else not found.
            var under = await ListAsync(site, path.Object! + "/", limit: 1);
            if (under is { Count: > 0 })
            {
                await RedirectAsync(site);
            }
            else
            {
                await ErrorAsync(site, 404, () => DefaultErrorAsync(site, 404));
            }

            return;
        }

        await ListingAsync(site, path.Object!);
    }

    private async Task ListingAsync(Site site, string prefix)
    {
        var decoded = Uri.UnescapeDataString(site.RawPath);
        var label = site.Settings.ListingsLabel.Length > 0
            ? $"{site.Settings.ListingsLabel}/{string.Join('/', decoded.Split('/').Skip(4))}"
            : decoded;
        if (!site.Settings.ListingsOn)
        {
            await ErrorAsync(site, 404, () => HtmlAsync(site, 404, StaticWebPages.ListingDisabled(label, site.Settings, prefix)));
            return;
        }

        var entries = await ListAsync(site, prefix, limit: null);
        if (entries is null)
        {
            await ErrorAsync(site, 503, () => DefaultErrorAsync(site, 503));
            return;
        }

        if (prefix.Length > 0 && entries.Count == 0)
        {
            await ErrorAsync(site, 404, () => DefaultErrorAsync(site, 404));
            return;
        }

        await HtmlAsync(site, 200, StaticWebPages.Listing(label, site.Settings, prefix, entries));
    }

    /// <summary>One level of the container's listing under <paramref name="prefix"/>; null when no container server answered.</summary>
    private async Task<List<StaticWebEntry>?> ListAsync(Site site, string prefix, int? limit)
    {
        var ring = rings.Container;
        var part = ring.GetPartition(site.Path.Account, site.Path.Container!);
        var query = "?format=json&delimiter=/" + (prefix.Length > 0 ? "&prefix=" + Uri.EscapeDataString(prefix) : "") + (limit is { } l ? $"&limit={l}" : "");
        var response = await client.SendAsync(selector.ForRead(ring, part), node =>
            RoleClient.Request(HttpMethod.Get, node, BackendUris.Catalog(node, part, site.Path.Account, site.Path.Container) + query, site.Call),
            idempotent: true, site.Context.RequestAborted);
        if (response is null || !response.IsSuccess)
        {
            return response is { Status: 404 } ? [] : null;
        }

        using var document = JsonDocument.Parse(response.Body.Length > 0 ? response.Body : "[]");
        return document.RootElement.EnumerateArray().Select(e => e.TryGetProperty("subdir", out var subdir)
            ? new StaticWebEntry(subdir.GetString() ?? "", true)
            : new StaticWebEntry(e.GetProperty("name").GetString() ?? "", false, e.GetProperty("bytes").GetInt64(),
                e.GetProperty("content_type").GetString() ?? "", e.GetProperty("last_modified").GetString() ?? "")).ToList();
    }

    /// <summary>The status a read of this path is refused with (401 anonymous, 403 signed in), or null when allowed.</summary>
    private static int? Denied(Site site)
    {
        var verdict = AccessPolicy.Decide(site.Who, site.Path);
        if (verdict == AccessVerdict.NeedsAcl)
        {
            var acl = site.Info is null ? ContainerAcl.None : ContainerAcl.Parse(site.Info.Header("X-Container-Read"), site.Info.Header("X-Container-Write"));
            verdict = AccessPolicy.DecideWithAcl(site.Who, site.Path, "GET", acl, site.Context.Request.Headers.Referer.ToString());
        }

        return verdict switch
        {
            AccessVerdict.Allowed => null,
            AccessVerdict.Unauthorized => 401,
            _ => 403,
        };
    }

    /// <summary>Answers <paramref name="status"/> with the container's <c>{status}{Web-Error}</c> page when there is one.</summary>
    private async Task ErrorAsync(Site site, int status, Func<Task> fallback)
    {
        // Only a found index or listing varies with Accept.
        site.Context.Response.Headers.Remove("Vary");
        if (site.Settings.Error.Length > 0)
        {
            var page = site.Path with { Object = status.ToString(System.Globalization.CultureInfo.InvariantCulture) + site.Settings.Error, Query = "" };
            if ((await catalog.ResolveAsync(page, site.Call, site.Context.RequestAborted)).IsSuccess)
            {
                // The page's body and headers under the error's status, as Swift sends it.
                site.Context.Response.OnStarting(() =>
                {
                    site.Context.Response.StatusCode = status;
                    return Task.CompletedTask;
                });
                await gets.HandleAsync(site.Context, page, site.Call);
                return;
            }
        }

        await fallback();
    }

    private static Task DefaultErrorAsync(Site site, int status)
    {
        var response = site.Context.Response;
        response.Clear();
        if (status == 401)
        {
            response.Headers.WWWAuthenticate = $"Swift realm=\"{Uri.EscapeDataString(site.Path.Account)}\"";
        }

        return ErrorResults.From(new CloudFsError(ErrorStatus.ToKind(status))).ExecuteAsync(site.Context);
    }

    private Task RedirectAsync(Site site)
    {
        var request = site.Context.Request;
        var (scheme, host) = (request.Scheme, request.Host.Value);
        if (options.CurrentValue.UrlBase is { Length: > 0 } urlBase && Uri.TryCreate(urlBase, UriKind.Absolute, out var baseUri))
        {
            (scheme, host) = (baseUri.Scheme, baseUri.Authority);
        }

        site.Context.Response.Headers.Location = $"{scheme}://{host}{ContentDisposition.Quote(Uri.UnescapeDataString(site.RawPath) + "/", "/")}";
        return HtmlAsync(site, StatusCodes.Status301MovedPermanently, StaticWebPages.MovedPermanently);
    }

    private static async Task HtmlAsync(Site site, int status, string html)
    {
        var body = Encoding.UTF8.GetBytes(html);
        var response = site.Context.Response;
        response.StatusCode = status;
        response.ContentType = "text/html; charset=UTF-8";
        response.ContentLength = body.Length;
        if (site.Context.Request.Method != "HEAD")
        {
            await response.Body.WriteAsync(body, site.Context.RequestAborted);
        }
    }

    /// <summary>One static web request: where it points, the container's settings and ACLs, who asks.</summary>
    private sealed record Site(HttpContext Context, ResourcePath Path, string RawPath, StaticWebSettings Settings, ScopeInfo? Info,
        Identity? Who, CallContext Call, bool WebMode);
}
