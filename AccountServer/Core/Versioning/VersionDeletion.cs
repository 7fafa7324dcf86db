namespace CloudFs.AccountServer.Core.Versioning;

/// <summary>
/// What an object DELETE did in a versioned container: whether something was removed (false:
/// Swift's 404, though a delete marker may have been written), the version id the answer
/// names (X-Object-Version-Id) and, for a DELETE of one version, the version that is current
/// afterwards (X-Object-Current-Version-Id).
/// </summary>
public sealed record VersionDeletion(bool Found, string? VersionId, string? CurrentVersionId = null);
