namespace CloudFs.Common.Results;

/// <summary>
/// The one table between error kinds and HTTP statuses, read both ways: a role answers a kind
/// with its status, and the caller of a role reads the status back as the same kind.
/// </summary>
public static class ErrorStatus
{
    private static readonly (CloudFsErrorKind Kind, int Status)[] Table =
    [
        (CloudFsErrorKind.BadRequest, 400),
        (CloudFsErrorKind.Unauthorized, 401),
        (CloudFsErrorKind.Forbidden, 403),
        (CloudFsErrorKind.NotFound, 404),
        (CloudFsErrorKind.MethodNotAllowed, 405),
        (CloudFsErrorKind.NotAcceptable, 406),
        (CloudFsErrorKind.RequestTimeout, 408),
        (CloudFsErrorKind.Conflict, 409),
        (CloudFsErrorKind.LengthRequired, 411),
        (CloudFsErrorKind.PreconditionFailed, 412),
        (CloudFsErrorKind.RequestEntityTooLarge, 413),
        (CloudFsErrorKind.RangeNotSatisfiable, 416),
        (CloudFsErrorKind.UnprocessableEntity, 422),
        (CloudFsErrorKind.TooManyRequests, 429),
        (CloudFsErrorKind.ClientClosedRequest, 499),
        (CloudFsErrorKind.Internal, 500),
        (CloudFsErrorKind.NotImplemented, 501),
        (CloudFsErrorKind.ServiceUnavailable, 503),
        (CloudFsErrorKind.InsufficientStorage, 507),
    ];

    private static readonly Dictionary<CloudFsErrorKind, int> ByKind = Table.ToDictionary(e => e.Kind, e => e.Status);
    private static readonly Dictionary<int, CloudFsErrorKind> ByStatus = Table.ToDictionary(e => e.Status, e => e.Kind);

    public static int ToStatus(CloudFsErrorKind kind) => ByKind.GetValueOrDefault(kind, 500);

    /// <summary>
    /// A role server's error status as a kind. A role's own failure (500, or a status this table
    /// does not know) means the cluster could not serve the request: 503, as Swift's proxy answers.
    /// </summary>
    public static CloudFsErrorKind ToKind(int status) =>
        ByStatus.TryGetValue(status, out var kind) && kind != CloudFsErrorKind.Internal ? kind : CloudFsErrorKind.ServiceUnavailable;
}
