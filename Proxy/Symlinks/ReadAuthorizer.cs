using CloudFs.Proxy.Paths;

namespace CloudFs.Proxy.Symlinks;

/// <summary>
/// Decides whether the caller may read <paramref name="path"/> (a link's target), as Swift's
/// subrequests are authorised; on false it has already written the 401 or 403 answer.
/// </summary>
public delegate Task<bool> ReadAuthorizer(ResourcePath path);
