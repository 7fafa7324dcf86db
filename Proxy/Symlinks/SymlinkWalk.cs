using CloudFs.Common.Results;
using CloudFs.Proxy.Objects;
using CloudFs.Proxy.Paths;

namespace CloudFs.Proxy.Symlinks;

/// <summary>
/// Follows links from one object to the object they finally name, as Swift's symlink
/// middleware does for GET and HEAD: each hop is authorised as a read of its target, at most
/// <c>symloop_max</c> hops are taken, and a static link's remembered ETag must still be its
/// target's. <see cref="Location"/> is the last target tried (Swift's Content-Location).
/// </summary>
public sealed class SymlinkWalk(int symloopMax, ReadAuthorizer authorize, Func<ResourcePath, Task<Outcome<ObjectRecord>>> resolve)
{
    /// <summary>Swift's 409 text when the chain is longer than the limit.</summary>
    public string LoopMessage => $"Too many levels of symbolic links, maximum allowed is {symloopMax}";

    /// <summary>Encoded path of the last target followed; null before the first hop and after a loop error.</summary>
    public string? Location { get; set; }

    /// <summary>
    /// Walks from <paramref name="path"/> (already resolved as <paramref name="record"/>, or
    /// fetched here first when null). <paramref name="expectEtag"/> is an ETag the first object
    /// must have; <paramref name="followSoft"/> false stops at a first link without an ETag of
    /// its own (a static link's check at PUT).
    /// </summary>
    public async Task<SymlinkWalkResult> WalkAsync(ResourcePath path, ObjectRecord? record, string? expectEtag, bool followSoft)
    {
        if (record is null)
        {
            var first = await FetchAsync(path);
            if (first.Record is null)
            {
                return first;
            }

            record = first.Record;
        }

        var hops = 0;
        while (SymlinkTarget.From(record.Sys) is { } link && (link.Etag is not null || followSoft))
        {
            var found = link.Etag ?? record.Hash;
            if (expectEtag is not null && expectEtag != found)
            {
                return SymlinkWalkResult.Failed(CloudFsError.Plain(CloudFsErrorKind.Conflict, "X-Symlink-Target-Etag headers do not match"));
            }

            if (hops >= symloopMax)
            {
                Location = null;
                return SymlinkWalkResult.Failed(CloudFsError.Plain(CloudFsErrorKind.Conflict, LoopMessage));
            }

            hops++;
            followSoft = true;
            expectEtag = link.Etag;
            Location = link.Location(path.Account);
            if (link.Path(path.Account) is not { } next)
            {
                return SymlinkWalkResult.Failed(CloudFsError.NotFound());
            }

            var step = await FetchAsync(next);
            if (step.Record is null)
            {
                return step;
            }

            (path, record) = (next, step.Record);
        }

        if (expectEtag is not null && expectEtag != record.Hash)
        {
            return SymlinkWalkResult.Failed(CloudFsError.Plain(CloudFsErrorKind.Conflict,
                $"Object Etag '{record.Hash}' does not match X-Symlink-Target-Etag header '{expectEtag}'"));
        }

        return SymlinkWalkResult.Found(path, record);
    }

    private async Task<SymlinkWalkResult> FetchAsync(ResourcePath path)
    {
        if (!await authorize(path))
        {
            return SymlinkWalkResult.Denied;
        }

        var resolved = await resolve(path);
        return resolved.IsSuccess ? SymlinkWalkResult.Found(path, resolved.Value) : SymlinkWalkResult.Failed(resolved.Error);
    }
}
