using CloudFs.Catalog;
using CloudFs.ContainerServer.Data;

namespace CloudFs.ContainerServer.Core;

/// <summary>
/// One tree read: its read session, clock and firewall (the outermost disabled directories
/// below the root, found once and left out of every total).
/// </summary>
internal sealed class TreeWalk(CatalogSession session, long containerId, bool isAdmin, long now, TreeTotalsRepository tree)
{
    private readonly List<PathRange> _hidden = [];

    /// <summary>Finds the outermost disabled directories below the root once (non-admins only).</summary>
    public async Task PrepareAsync(PathRange? range, CancellationToken ct)
    {
        if (isAdmin)
        {
            return;
        }

        foreach (var directory in await tree.DisabledDirectoriesAsync(session, containerId, range, ct))
        {
            var below = PathRange.Below(directory);
            if (_hidden.Count == 0 || !_hidden[^1].Contains(below))
            {
                _hidden.Add(below);
            }
        }
    }

    public Task<(long Objects, long Bytes)> TotalsAsync(PathRange? range, CancellationToken ct) =>
        tree.TotalsAsync(session, containerId, range,
            range is null ? _hidden : _hidden.Where(range.Contains).ToList(), isAdmin, now, ct);

    /// <summary>Up to <paramref name="room"/> visible children: directories (with totals) first, then objects.</summary>
    public async Task<(List<TreeNode> Children, bool Truncated)> ChildrenAsync(long parentId, int room, CancellationToken ct)
    {
        var children = new List<TreeNode>();
        string? after = null;
        while (children.Count <= room)
        {
            var want = room + 1 - children.Count;
            var batch = await tree.ChildDirectoriesAsync(session, parentId, after, want, isAdmin, ct);
            foreach (var row in batch)
            {
                var name = CatalogNames.Read(row.Path);
                var (objects, bytes) = await TotalsAsync(PathRange.Below(name), ct);
                if (objects > 0)
                {
                    children.Add(new TreeNode { Name = name, Type = TreeNode.DirectoryType, Id = row.Id, Objects = objects, Bytes = bytes });
                }
            }

            if (batch.Count < want)
            {
                break;
            }

            after = CatalogNames.Read(batch[^1].Name);
        }

        if (children.Count <= room)
        {
            var objects = await tree.ChildObjectsAsync(session, parentId, room + 1 - children.Count, isAdmin, now, ct);
            children.AddRange(objects.Select(o => new TreeNode
            {
                Name = CatalogNames.Read(o.Name),
                Type = TreeNode.ObjectType,
                Bytes = o.Bytes,
                Hash = o.Hash,
                ContentType = o.ContentType,
                LastModified = ListingBody.LastModified(o.Timestamp),
            }));
        }

        var truncated = children.Count > room;
        if (truncated)
        {
            children.RemoveRange(room, children.Count - room);
        }

        return (children, truncated);
    }
}
