using CloudFs.Catalog;
using CloudFs.ContainerServer.Data;

namespace CloudFs.ContainerServer.Core;

/// <summary>
/// The directory firewall for one container listing: for each fetched batch, the ancestor
/// directories of its names not seen before are checked in one indexed query, so the cost
/// follows the page, not the container.
/// </summary>
public sealed class HiddenDirectories(ListingRepository repository, CatalogSession session, long containerId)
    : IHiddenPrefixes
{
    private readonly HashSet<string> _checked = new(StringComparer.Ordinal);
    private readonly HashSet<string> _disabled = new(StringComparer.Ordinal);

    public async Task PrepareAsync(IReadOnlyList<ListingItem> batch, CancellationToken ct)
    {
        var unknown = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in batch)
        {
            foreach (var directory in ObjectAncestors.Of(item.Name))
            {
                if (_checked.Add(directory))
                {
                    unknown.Add(directory);
                }
            }
        }

        if (unknown.Count > 0)
        {
            _disabled.UnionWith(await repository.DisabledDirectoriesAsync(session, containerId, unknown, ct));
        }
    }

    public string? HiddenPrefixOf(string name)
    {
        if (_disabled.Count == 0)
        {
            return null;
        }

        // The outermost disabled ancestor, so one seek skips everything below it.
        foreach (var directory in ObjectAncestors.Of(name))
        {
            if (_disabled.Contains(directory))
            {
                return directory + "/";
            }
        }

        return null;
    }
}
