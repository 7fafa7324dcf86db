namespace CloudFs.ContainerServer.Core;

/// <summary>
/// One entry of a listing: an object (bytes, hash, content type, timestamp), a container
/// (count, bytes, timestamp) or a delimiter roll-up (<see cref="IsSubdir"/>, name only).
/// <see cref="Symlink"/> is set on links in JSON object listings.
/// A static large object's entry has its size as clients see it and <see cref="SloEtag"/>,
/// beside its manifest's hash, as Swift lists it.
/// </summary>
public sealed record ListingItem(
    string Name,
    bool IsSubdir = false,
    long Bytes = 0,
    long Count = 0,
    string? Hash = null,
    string? ContentType = null,
    long Timestamp = 0,
    ListingSymlink? Symlink = null,
    string? SloEtag = null)
{
    public static ListingItem Subdir(string name) => new(name, IsSubdir: true);
}
