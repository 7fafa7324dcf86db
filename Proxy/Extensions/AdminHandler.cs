using CloudFs.Backend;
using CloudFs.Common.Paths;
using CloudFs.Common.Results;
using CloudFs.Common.Time;
using CloudFs.Proxy.Auth;
using CloudFs.Proxy.Backend;
using CloudFs.Proxy.Endpoints;
using CloudFs.Proxy.Forwarding;
using CloudFs.Proxy.Routing;
using CloudFs.Ring;
using Microsoft.AspNetCore.Http.Features;

namespace CloudFs.Proxy.Extensions;

/// <summary>
/// <c>/admin/...</c>: cluster administration for admins only (docs/extensions.md) — users,
/// site settings, the resource firewall, usage audits, cross-account search, fsck, hosts with
/// their statistics, and alerts. Each is relayed to the role server that owns it; fsck is an account-server job
/// whose progress streams back.
/// </summary>
public sealed class AdminHandler(TokenValidator tokens, RoleClient client, RingSet rings, NodeSelector selector, Forwarder forwarder, TimeProvider time)
{
    private const int MaxBody = 64 * 1024;

    public async Task HandleAsync(HttpContext context)
    {
        var call = new CallContext(context.TraceIdentifier, Timestamp.Now(time), null);
        try
        {
            var admin = await AdminToken.CheckAsync(context, tokens, call);
            if (!admin.IsSuccess)
            {
                await ProxyResults.Error(context, admin.Error);
                return;
            }

            await DispatchAsync(context, call with { Caller = admin.Value.AsCaller() });
        }
        catch (BackendUnavailableException)
        {
            if (!context.Response.HasStarted)
            {
                await ProxyResults.Unavailable(context);
            }
        }
    }

    private async Task DispatchAsync(HttpContext context, CallContext call)
    {
        var raw = context.Features.Get<IHttpRequestFeature>()?.RawTarget ?? context.Request.Path.Value ?? "";
        var question = raw.IndexOf('?');
        var path = question < 0 ? raw : raw[..question];
        var query = question < 0 ? "" : raw[question..];
        var segments = path.Split('/', StringSplitOptions.None).Skip(2).ToArray(); // "", "admin", ...
        var method = context.Request.Method;
        switch (segments.FirstOrDefault(), method)
        {
            case ("users", "GET" or "PUT" or "POST" or "DELETE"):
                await RelayAsync(context, call, rings.Account, rings.Account.GetPartition("AUTH_admin"), "/" + string.Join('/', segments) + query, write: method != "GET");
                break;
            case ("firewall" or "usage-check", "POST") when segments.Length >= 2 && segments[1].Length > 0:
                if (!PercentDecoding.TryDecodeName(segments[1], out var account))
                {
                    await ProxyResults.Error(context, CloudFsErrorKind.PreconditionFailed, "Invalid UTF8 or contains NULL");
                    break;
                }

                var part = rings.Account.GetPartition(account);
                await RelayAsync(context, call, rings.Account, part, node =>
                    $"/{segments[0]}/{Uri.EscapeDataString(node.Device)}/{part}/{string.Join('/', segments.Skip(1))}{query}", write: true);
                break;
            case ("settings", "GET") when segments.Length == 1:
            case ("settings", "PUT") when segments.Length == 2 && segments[1].Length > 0:
                await RelayAsync(context, call, rings.Account, rings.Account.GetPartition("AUTH_admin"), "/" + string.Join('/', segments) + query, write: method != "GET");
                break;
            case ("firewall", "GET") when segments.Length == 1:
                // The list lives in the shared catalog: any account server answers.
                await RelayAsync(context, call, rings.Account, 0, "/firewall" + query, write: false);
                break;
            case ("hosts", "GET"):
                // Any account server answers from the shared catalog.
                await RelayAsync(context, call, rings.Account, 0, "/" + string.Join('/', segments) + query, write: false);
                break;
            case ("alerts", "GET") when segments.Length == 1:
                await RelayAsync(context, call, rings.Account, 0, "/hosts/alerts" + query, write: false);
                break;
            case ("search", "GET"):
                await RelayAsync(context, call, rings.Container, 0, "/search" + query, write: false);
                break;
            case ("fsck", "POST"):
                // Any account server can run it (the catalog is shared): the first healthy one
                // of partition 0. A POST is not retried, so a job never runs twice.
                await forwarder.ForwardAsync(context, selector.ForRead(rings.Account, 0), _ => "/fsck" + query, call);
                break;
            default:
                await ProxyResults.Error(context, CloudFsErrorKind.NotFound, "Unknown admin request; see docs/extensions.md.");
                break;
        }
    }

    private Task RelayAsync(HttpContext context, CallContext call, HashRing ring, int part, string pathAndQuery, bool write) =>
        RelayAsync(context, call, ring, part, _ => pathAndQuery, write);

    private async Task RelayAsync(HttpContext context, CallContext call, HashRing ring, int part, Func<RingDevice, string> pathAndQuery, bool write)
    {
        var body = await ReadBodyAsync(context.Request, context.RequestAborted);
        if (body is null)
        {
            await ProxyResults.Error(context, CloudFsErrorKind.RequestEntityTooLarge);
            return;
        }

        var method = new HttpMethod(context.Request.Method);
        var response = await client.SendAsync(write ? selector.ForAccountWrite(ring, part) : selector.ForRead(ring, part), node =>
        {
            var request = RoleClient.Request(method, node, pathAndQuery(node), call);
            if (body.Length > 0)
            {
                request.Content = new ByteArrayContent(body);
                request.Content.Headers.TryAddWithoutValidation("Content-Type", context.Request.ContentType ?? "application/json");
            }

            return request;
        }, idempotent: !write, context.RequestAborted);
        if (response is null)
        {
            await ProxyResults.Unavailable(context);
            return;
        }

        if (!response.IsSuccess)
        {
            await ProxyResults.Error(context, StatusKinds.ToError(response));
            return;
        }

        context.Response.StatusCode = response.Status;
        if (response.Body.Length > 0)
        {
            context.Response.ContentType = response.Header("Content-Type") ?? "application/json; charset=utf-8";
            await context.Response.WriteAsync(response.Body, context.RequestAborted);
        }
    }

    private static async Task<byte[]?> ReadBodyAsync(HttpRequest request, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[8192];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > MaxBody)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }
}
