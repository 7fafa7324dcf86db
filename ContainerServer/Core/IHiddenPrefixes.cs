namespace CloudFs.ContainerServer.Core;

/// <summary>
/// The resource firewall inside a listing: names below a disabled directory are invisible
/// to non-admins. Told each fetched batch first, so it can look up the batch's ancestor
/// directories in one query.
/// </summary>
public interface IHiddenPrefixes
{
    Task PrepareAsync(IReadOnlyList<ListingItem> batch, CancellationToken ct);

    /// <summary>"dir/" when <paramref name="name"/> lies below the disabled directory "dir", else null.</summary>
    string? HiddenPrefixOf(string name);
}
