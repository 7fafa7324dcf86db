using CloudFs.Common.Results;

namespace CloudFs.ContainerServer.Core;

/// <summary>
/// The answer while the account server has not yet migrated the catalog this build reads: a
/// 503, which the proxy treats like any unavailable backend, rather than a 500 from a missing table.
/// </summary>
public static class CatalogNotReady
{
    public static CloudFsError Error { get; } =
        new(CloudFsErrorKind.ServiceUnavailable, "The catalog schema has not been migrated yet; try again later.");
}
