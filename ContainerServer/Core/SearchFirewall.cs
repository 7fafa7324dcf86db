using CloudFs.Catalog;
using CloudFs.ContainerServer.Data;

namespace CloudFs.ContainerServer.Core;

/// <summary>
/// The directory firewall for one search (non-admins): rows below a disabled directory are
/// dropped. Per fetched batch, the ancestor directories not seen before are looked up per
/// container in one indexed IN query, so the cost follows the page.
/// </summary>
public sealed class SearchFirewall(ListingRepository repository, CatalogSession session)
{
    private readonly HashSet<(long Container, string Path)> _checked = [];
    private readonly HashSet<(long Container, string Path)> _disabled = [];

    public async Task<IReadOnlyList<SearchRow>> VisibleAsync(IReadOnlyList<SearchRow> rows, CancellationToken ct)
    {
        var unknown = new Dictionary<long, List<string>>();
        foreach (var row in rows)
        {
            foreach (var directory in ObjectAncestors.Of(CatalogNames.Read(row.Path)))
            {
                if (_checked.Add((row.ContainerId, directory)))
                {
                    (unknown.TryGetValue(row.ContainerId, out var list) ? list : unknown[row.ContainerId] = []).Add(directory);
                }
            }
        }

        foreach (var (container, paths) in unknown)
        {
            foreach (var disabled in await repository.DisabledDirectoriesAsync(session, container, paths, ct))
            {
                _disabled.Add((container, disabled));
            }
        }

        return _disabled.Count == 0
            ? rows
            : rows.Where(r => !ObjectAncestors.Of(CatalogNames.Read(r.Path)).Any(d => _disabled.Contains((r.ContainerId, d)))).ToList();
    }
}
