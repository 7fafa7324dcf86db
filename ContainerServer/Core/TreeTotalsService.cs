using CloudFs.Catalog;
using CloudFs.Common.Paths;
using CloudFs.Common.Results;
using CloudFs.ContainerServer.Data;

namespace CloudFs.ContainerServer.Core;

/// <summary>
/// <c>?tree</c>: a directory (or the whole container) with its subtree expanded level by
/// level down to the requested depth. Each directory shown carries the recursive count and
/// bytes of the visible objects below it (one range aggregate each); each expanded
/// directory lists at most <see cref="TreeRequest.Limit"/> children and the whole answer at
/// most <see cref="MaxNodes"/> nodes, so a huge directory cannot blow it up. Expired
/// objects are invisible; for non-admins so are disabled rows and everything below a
/// disabled directory, and directories with nothing visible below them.
/// </summary>
public sealed class TreeTotalsService(CatalogReads catalog, ScopeRepository scopes, ListingRepository listings, TreeTotalsRepository tree,
    TimeProvider time)
{
    public const int MaxNodes = 10_000;

    public async Task<Outcome<TreeNode>> TreeAsync(BackendPath path, TreeRequest request, bool isAdmin,
        CancellationToken ct)
    {
        await using var session = await catalog.BeginAsync(ct);

        var scope = await scopes.FindContainerAsync(session, path.Account, path.Container!, ct);
        if (scope?.ContainerId is not { } containerId || (!isAdmin && !(scope.AccountEnabled && scope.ContainerEnabled)))
        {
            return CloudFsError.NotFound();
        }

        var walk = new TreeWalk(session, containerId, isAdmin, time.GetUtcNow().ToUnixTimeSeconds(), tree);
        TreeNode root;
        PathRange? range = null;
        if (request.Path.Length == 0)
        {
            root = new TreeNode { Name = path.Container!, Type = TreeNode.ContainerType, Id = containerId };
        }
        else
        {
            var directory = await tree.FindDirectoryAsync(session, containerId, request.Path, ct);
            if (directory is null || (!isAdmin && (directory.State != "enabled" || await HasDisabledAncestorAsync(session,
                    containerId, request.Path, ct))))
            {
                return CloudFsError.NotFound();
            }

            root = new TreeNode { Name = request.Path, Type = TreeNode.DirectoryType, Id = directory.Id };
            range = PathRange.Below(request.Path);
        }

        await walk.PrepareAsync(range, ct);
        (root.Objects, root.Bytes) = await walk.TotalsAsync(range, ct);
        if (root.Type == TreeNode.DirectoryType && root.Objects == 0)
        {
            return CloudFsError.NotFound();
        }

        await ExpandAsync(walk, root, request, ct);
        return root;
    }

    // Breadth first, so the node budget is spent on the upper levels before the deeper ones.
    private static async Task ExpandAsync(TreeWalk walk, TreeNode root, TreeRequest request, CancellationToken ct)
    {
        var budget = MaxNodes - 1;
        var queue = new Queue<(TreeNode Node, int Level)>();
        queue.Enqueue((root, 0));
        while (queue.TryDequeue(out var entry))
        {
            if (entry.Level >= request.Depth)
            {
                continue;
            }

            var room = Math.Min(request.Limit, budget);
            if (room == 0)
            {
                entry.Node.Truncated = true;
                continue;
            }

            var (children, truncated) = await walk.ChildrenAsync(entry.Node.Id, room, ct);
            entry.Node.Children = children;
            entry.Node.Truncated = truncated;
            budget -= children.Count;
            foreach (var child in children.Where(c => c.Type == TreeNode.DirectoryType))
            {
                queue.Enqueue((child, entry.Level + 1));
            }
        }
    }

    private async Task<bool> HasDisabledAncestorAsync(CatalogSession session, long containerId, string path, CancellationToken ct)
    {
        var ancestors = ObjectAncestors.Of(path);
        return ancestors.Count > 0
            && (await listings.DisabledDirectoriesAsync(session, containerId, [.. ancestors], ct)).Count > 0;
    }
}
