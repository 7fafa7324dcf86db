using System.Globalization;
using System.Net;
using CloudFs.Proxy.Paths;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;

namespace CloudFs.Proxy.Middleware.TempUrl;

/// <summary>
/// Swift's tempurl: a request carrying <c>temp_url_sig</c> and <c>temp_url_expires</c> is
/// checked against the account's and container's Temp-URL-Keys; a valid one goes on with a
/// <see cref="TempUrlGrant"/> in place of a token, its incoming and outgoing headers trimmed
/// as configured. Anything else carrying those parameters is Swift's 401 "Temp URL invalid".
/// </summary>
public sealed class TempUrlMiddleware(RequestDelegate next, IOptionsMonitor<TempUrlOptions> options, ScopeInfoCache scopes, TimeProvider time)
{
    private const string Invalid = "401 Unauthorized: Temp URL invalid\n";

    // Headers that would let a PUT temp URL point at data it does not grant (Swift's DISALLOWED_INCOMING_HEADERS).
    private static readonly string[] Disallowed = ["X-Object-Manifest", "X-Symlink-Target", "X-Copy-From"];

    public async Task InvokeAsync(HttpContext context)
    {
        var o = options.CurrentValue;
        var request = context.Request;
        if (!o.Enabled || request.Method == "OPTIONS")
        {
            await next(context);
            return;
        }

        var raw = context.Features.Get<IHttpRequestFeature>()?.RawTarget ?? request.Path.Value + request.QueryString.Value;
        var q = raw.IndexOf('?', StringComparison.Ordinal);
        var now = time.GetUtcNow().ToUnixTimeSeconds();
        var query = TempUrlQuery.Parse(q >= 0 ? raw[q..] : "", now);
        if (query.Signature is null && query.Expires is null)
        {
            await next(context);
            return;
        }

        var grant = await CheckAsync(context, o, raw, query);
        if (grant is null)
        {
            await InvalidAsync(context);
            return;
        }

        if (request.Method is not ("GET" or "HEAD") && Disallowed.FirstOrDefault(h => request.Headers.ContainsKey(h)) is { } bad)
        {
            await WriteAsync(context, StatusCodes.Status400BadRequest, $"The header '{bad}' is not allowed in this tempurl");
            return;
        }

        var incoming = HeaderRules.FromConfig(o.IncomingRemoveHeaders, o.IncomingAllowHeaders);
        foreach (var name in request.Headers.Keys.Where(incoming.Removes).ToList())
        {
            request.Headers.Remove(name);
        }

        context.Features.Set(grant.Value.Grant);
        var outgoing = HeaderRules.FromConfig(o.OutgoingRemoveHeaders, o.OutgoingAllowHeaders);
        var method = request.Method;
        context.Response.OnStarting(() =>
        {
            Rewrite(context.Response, outgoing, method, query, grant.Value.Object);
            return Task.CompletedTask;
        });
        await next(context);
    }

    private async Task<(TempUrlGrant Grant, string Object)?> CheckAsync(HttpContext context, TempUrlOptions o, string raw, TempUrlQuery query)
    {
        if (string.IsNullOrEmpty(query.Signature) || query.Expires is not > 0 || TempUrlSignature.Parse(query.Signature) is not { } sig
            || !o.Digests().Contains(sig.Digest))
        {
            return null;
        }

        var method = context.Request.Method;
        if (!HeaderRules.Words(o.Methods).Contains(method) || !raw.StartsWith("/v1/", StringComparison.Ordinal)
            || ResourcePathParser.Parse(raw) is not { IsSuccess: true } parsed
            || parsed.Value is not { Container: { } container, Object: { } obj } path || obj.Trim('/').Length == 0)
        {
            return null;
        }

        if (query.IpRange is { Length: > 0 } range && !InRange(context.Connection.RemoteIpAddress, range))
        {
            return null;
        }

        var keys = await scopes.TempUrlKeysAsync(path.Account, container, context.TraceIdentifier, context.RequestAborted);
        if (keys.Count == 0)
        {
            return null;
        }

        string signed;
        if (query.Prefix is null)
        {
            signed = $"/v1/{path.Account}/{container}/{obj}";
        }
        else if (obj.StartsWith(query.Prefix, StringComparison.Ordinal))
        {
            signed = $"prefix:/v1/{path.Account}/{container}/{query.Prefix}";
        }
        else
        {
            return null;
        }

        // A HEAD may use a URL made for any method that reads or writes the object.
        string[] methods = method == "HEAD" ? ["HEAD", "GET", "POST", "PUT"] : [method];
        foreach (var m in methods)
        {
            foreach (var (key, accountScope) in keys)
            {
                var expected = TempUrlSignature.Compute(m, query.Expires.Value, signed, key, sig.Digest, query.IpRange);
                if (TempUrlSignature.FixedTimeEquals(expected, sig.Hex))
                {
                    return (new TempUrlGrant(path.Account, accountScope ? null : container), obj);
                }
            }
        }

        return null;
    }

    private static bool InRange(IPAddress? client, string range)
    {
        if (client is null)
        {
            return false;
        }

        if (client.IsIPv4MappedToIPv6)
        {
            client = client.MapToIPv4();
        }

        // A bare address is a network of one, as Python's ip_network reads it; host bits set are an error there too.
        var text = range.Contains('/') ? range : range + (range.Contains(':') ? "/128" : "/32");
        return IPNetwork.TryParse(text, out var network) && network.Contains(client);
    }

    private void Rewrite(HttpResponse response, HeaderRules outgoing, string method, TempUrlQuery query, string obj)
    {
        foreach (var name in response.Headers.Keys.Where(outgoing.Removes).ToList())
        {
            response.Headers.Remove(name);
        }

        if (method is not ("GET" or "HEAD") || response.StatusCode is < 200 or >= 300)
        {
            return;
        }

        var existing = response.Headers.ContentDisposition.ToString();
        response.Headers.ContentDisposition = ContentDisposition.Choose(query.Inline, query.Filename, existing, obj);
        response.Headers.Expires = DateTimeOffset.FromUnixTimeSeconds(query.Expires!.Value)
            .ToString("ddd, dd MMM yyyy HH:mm:ss 'GMT'", CultureInfo.InvariantCulture);
    }

    private static async Task InvalidAsync(HttpContext context)
    {
        // Swift's swob names no account here: the 401 is made without the request.
        context.Response.Headers.WWWAuthenticate = "Swift realm=\"unknown\"";
        await WriteAsync(context, StatusCodes.Status401Unauthorized, context.Request.Method == "HEAD" ? "" : Invalid);
    }

    private static async Task WriteAsync(HttpContext context, int status, string text)
    {
        var body = System.Text.Encoding.UTF8.GetBytes(text);
        context.Response.StatusCode = status;
        context.Response.ContentType = "text/html; charset=UTF-8";
        context.Response.ContentLength = body.Length;
        await context.Response.Body.WriteAsync(body, context.RequestAborted);
    }
}
