using CloudFs.Backend;
using CloudFs.Common.Hosting;
using CloudFs.Common.Results;
using CloudFs.Proxy.Backend;
using CloudFs.Proxy.Endpoints;
using CloudFs.Proxy.Objects;
using CloudFs.Proxy.Paths;
using Microsoft.Extensions.Options;

namespace CloudFs.Proxy.Symlinks;

/// <summary>
/// Swift's symlink middleware in the object handlers: a PUT with X-Symlink-Target stores a
/// zero-byte link (a static one checked against its target first), GET and HEAD follow links
/// (each hop authorised as a read of its target), <c>?symlink=get</c> answers the link itself,
/// and a POST that lands on a link answers 307 to its target.
/// </summary>
public sealed class SymlinkHandler(CatalogClient catalog, TimeProvider time, IOptions<SymlinkOptions> options)
{
    public const string TargetHeader = "X-Symlink-Target";
    public const string AccountHeader = "X-Symlink-Target-Account";
    public const string EtagHeader = "X-Symlink-Target-Etag";

    private const string PostMessage = "The requested POST was applied to a symlink. POST directly to the target to apply requested metadata.";

    /// <summary>True when a GET or HEAD of <paramref name="record"/> must be answered from the object the link names.</summary>
    public bool MustFollow(HttpRequest request, ObjectRecord record) => IsLink(record) && !WantsLinkItself(request);

    /// <summary>
    /// What a COPY (or X-Copy-From) of <paramref name="record"/> copies: what a link names, or
    /// with <c>?symlink=get</c> the link itself (its commit headers, to store with the copy), as
    /// Swift's copy does. A null record once an error answer is written.
    /// </summary>
    public async Task<(ObjectRecord? Record, IReadOnlyList<KeyValuePair<string, string>> Link)> CopySourceAsync(HttpContext context,
        ResourcePath source, ObjectRecord record, CallContext call, ReadAuthorizer authorize)
    {
        if (!IsLink(record))
        {
            return (record, []);
        }

        return WantsLinkItself(context.Request)
            ? (record, SymlinkTarget.From(record.Sys)!.CommitHeaders().ToList())
            : (await FollowAsync(context, source, record, call, authorize, showLocation: false), []);
    }

    private bool IsLink(ObjectRecord record) => options.Value.Enabled && SymlinkTarget.From(record.Sys) is not null;

    // swob's params: the last value of a repeated parameter wins.
    private static bool WantsLinkItself(HttpRequest request) => request.Query["symlink"].LastOrDefault() == "get";

    /// <summary>
    /// The object <paramref name="link"/> finally names, or null once the answer (404, 409, 401/403)
    /// is written. With <paramref name="showLocation"/> every answer names the last target in
    /// Content-Location, as Swift's GET and HEAD do.
    /// </summary>
    public async Task<ObjectRecord?> FollowAsync(HttpContext context, ResourcePath path, ObjectRecord link, CallContext call,
        ReadAuthorizer authorize, bool showLocation)
    {
        var walk = new SymlinkWalk(options.Value.EffectiveSymloopMax, authorize, target => ResolveLiveAsync(target, call, context.RequestAborted));
        if (showLocation)
        {
            // Set as the answer starts: the access checks and error pages clear the headers first.
            context.Response.OnStarting(() =>
            {
                if (walk.Location is { } location)
                {
                    context.Response.Headers.ContentLocation = location;
                }

                return Task.CompletedTask;
            });
        }

        var result = await walk.WalkAsync(path, link, expectEtag: null, followSoft: true);
        if (result.Error is { } error)
        {
            await ProxyResults.Error(context, error.Kind == CloudFsErrorKind.NotFound ? CloudFsError.NotFound() : error);
        }

        return result.Record;
    }

    /// <summary>
    /// A PUT with X-Symlink-Target: its checks, with Swift's answers; the commit headers that
    /// store the link, or null once an error is written. Sets the link's Content-Type when the
    /// client gave none: application/symlink, or a static link's target's type.
    /// </summary>
    public async Task<IReadOnlyList<KeyValuePair<string, string>>?> PreparePutAsync(HttpContext context, ResourcePath path, long? length,
        CallContext call, ReadAuthorizer authorize)
    {
        var request = context.Request;
        if (!options.Value.Enabled || !request.Headers.TryGetValue(TargetHeader, out var targetHeader))
        {
            return [];
        }

        if (length is > 0 || (length is null && await request.Body.ReadAsync(new byte[1], context.RequestAborted) > 0))
        {
            await ProxyResults.Error(context, CloudFsError.Plain(CloudFsErrorKind.BadRequest, "Symlink requests require a zero byte body"));
            return null;
        }

        var parsed = SymlinkPutRequest.Parse(targetHeader.ToString(),
            request.Headers.TryGetValue(AccountHeader, out var account) ? account.ToString() : null,
            request.Headers.TryGetValue(EtagHeader, out var etag) ? etag.ToString() : null, path);
        if (!parsed.IsSuccess)
        {
            await ProxyResults.Error(context, parsed.Error);
            return null;
        }

        var (link, target) = (parsed.Value.Link, parsed.Value.Target);
        if (link.Etag is null)
        {
            if (request.Headers.ContentType.Count == 0)
            {
                request.Headers.ContentType = "application/symlink";
            }

            return link.CommitHeaders().ToList();
        }

        // A static link: its target must be there now with the promised ETag (links on the way
        // followed only when they are static themselves).
        var walk = new SymlinkWalk(options.Value.EffectiveSymloopMax, authorize, p => ResolveLiveAsync(p, call, context.RequestAborted))
        {
            Location = new SymlinkTarget(link.ContainerObject, link.Account, null, null).Location(path.Account),
        };
        var result = await walk.WalkAsync(target, null, link.Etag, followSoft: false);
        if (result.IsDenied)
        {
            return null;
        }

        if (result.Error is { } error)
        {
            // Swift's own 409s name the target; any other status is its bare page.
            await (error.Kind switch
            {
                CloudFsErrorKind.NotFound => ErrorAsync(context, CloudFsError.Plain(CloudFsErrorKind.Conflict, "X-Symlink-Target does not exist"), walk.Location),
                CloudFsErrorKind.Conflict => ErrorAsync(context, error, walk.Location),
                _ => ErrorAsync(context, new CloudFsError(error.Kind), null),
            });
            return null;
        }

        var found = result.Record!;
        if (request.Headers.ContentType.Count == 0)
        {
            request.Headers.ContentType = found.ContentType;
        }

        return (link with { Bytes = found.Bytes }).CommitHeaders().ToList();
    }

    /// <summary>Swift refuses a POST that tries to make a link (a link is made by PUT); true once that 400 is written.</summary>
    public async Task<bool> RefusePostAsync(HttpContext context)
    {
        if (!options.Value.Enabled || !context.Request.Headers.ContainsKey(TargetHeader))
        {
            return false;
        }

        await ProxyResults.Error(context, CloudFsError.Plain(CloudFsErrorKind.BadRequest, "A PUT request is required to set a symlink target"));
        return true;
    }

    /// <summary>
    /// After a POST was applied: when the object is a link, Swift answers 307 to its target
    /// (the metadata stays on the link); true once that answer is written.
    /// </summary>
    public async Task<bool> AnswerPostToLinkAsync(HttpContext context, ResourcePath path, CallContext call)
    {
        if (!options.Value.Enabled)
        {
            return false;
        }

        var resolved = await catalog.ResolveAsync(path, call, context.RequestAborted);
        if (!resolved.IsSuccess || SymlinkTarget.From(resolved.Value.Sys) is not { } link)
        {
            return false;
        }

        var response = context.Response;
        response.Clear();
        response.Headers.Location = link.Location(path.Account);
        if (link.Etag is not null)
        {
            response.Headers[EtagHeader] = link.Etag;
        }

        await new SwiftTextResult(PostMessage, "text/html; charset=UTF-8", StatusCodes.Status307TemporaryRedirect).ExecuteAsync(context);
        return true;
    }

    private async Task<Outcome<ObjectRecord>> ResolveLiveAsync(ResourcePath path, CallContext call, CancellationToken ct)
    {
        var resolved = await catalog.ResolveAsync(path, call, ct);
        if (resolved.IsSuccess && resolved.Value.DeleteAt is { } at && at <= time.GetUtcNow().ToUnixTimeSeconds())
        {
            return CloudFsError.NotFound();
        }

        return resolved;
    }

    private static Task ErrorAsync(HttpContext context, CloudFsError error, string? location)
    {
        context.Response.Clear();
        if (location is not null)
        {
            context.Response.Headers.ContentLocation = location;
        }

        return ErrorResults.From(error).ExecuteAsync(context);
    }
}
