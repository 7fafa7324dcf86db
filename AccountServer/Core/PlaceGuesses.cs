using System.Collections.Concurrent;

namespace CloudFs.AccountServer.Core;

/// <summary>The ids a name's account, container and parent directory had when it was last located.</summary>
public readonly record struct PlaceIds(long Account, long Container, long Parent)
{
    /// <summary>Whether <paramref name="place"/>, located for real, has these ids.</summary>
    public bool Match(NamespacePlace place) =>
        place.Account?.Id == Account && place.Container?.Id == Container && place.Parent == Parent;
}

/// <summary>
/// Where names were found last, so an object commit can send the reads that need its ids in the
/// same command as the read that finds them (ObjectService, ObjectCommitReads): one round trip
/// to MariaDB instead of two. A guess is never trusted: the commit checks it against what that
/// same command found, and reads again with the right ids when it was wrong (a container deleted
/// and created again, a directory not yet made).
/// </summary>
public sealed class PlaceGuesses(int capacity = 10_000)
{
    private readonly ConcurrentDictionary<(string Account, string Container, string Directory), PlaceIds> _ids = new();

    public PlaceIds? Find(string account, string container, ObjectPath path) =>
        _ids.TryGetValue((account, container, DirectoryOf(path)), out var ids) ? ids : null;

    /// <summary>Keeps where a name was found; a place that could not be reached is not kept.</summary>
    public void Remember(NamespacePlace place)
    {
        if (place is not { Error: null, Account: { } account, Container: { } container, Parent: { } parent })
        {
            return;
        }

        var key = (place.AccountName, place.ContainerName, DirectoryOf(place.Path));
        var ids = new PlaceIds(account.Id, container.Id, parent);
        if (_ids.TryGetValue(key, out var known) && known == ids)
        {
            return;
        }

        // A bound, not an eviction policy: the names a server sees most come back at once.
        if (_ids.Count >= capacity)
        {
            _ids.Clear();
        }

        _ids[key] = ids;
    }

    private static string DirectoryOf(ObjectPath path) => path.DirectoryPath(path.Directories.Count);
}
