using CloudFs.Proxy.Paths;

namespace CloudFs.Proxy.Objects;

/// <summary>
/// An admitted upload until the account server has answered its commit: the reservation and
/// every blob written for it. If it never gets that far (no quorum, the client gone, a bad
/// ETag, an exception), <see cref="Backend.CatalogClient.AbandonAsync"/> hands both back at once
/// instead of leaving the room held for hours and the blobs on disk until fsck.
/// </summary>
public sealed class PendingUpload(ResourcePath path, string reservation)
{
    private readonly List<string> _blobs = [];

    public ResourcePath Path => path;

    public string Reservation => reservation;

    /// <summary>The account server answered the commit: it consumed the reservation, or released it and queued the blobs itself.</summary>
    public bool Settled { get; private set; }

    /// <summary>Blobs written (or being written) for this upload, in order.</summary>
    public IReadOnlyList<string> Blobs
    {
        get
        {
            lock (_blobs)
            {
                return _blobs.ToList();
            }
        }
    }

    public void Wrote(string blobId)
    {
        lock (_blobs)
        {
            _blobs.Add(blobId);
        }
    }

    public void Settle() => Settled = true;
}
