using CloudFs.Backend;
using CloudFs.Common.Results;

namespace CloudFs.Proxy.Backend;

/// <summary>A role server's error status read back as the error kind it stands for.</summary>
public static class StatusKinds
{
    public static CloudFsErrorKind FromStatus(int status) => status switch
    {
        400 => CloudFsErrorKind.BadRequest,
        401 => CloudFsErrorKind.Unauthorized,
        403 => CloudFsErrorKind.Forbidden,
        404 => CloudFsErrorKind.NotFound,
        405 => CloudFsErrorKind.MethodNotAllowed,
        409 => CloudFsErrorKind.Conflict,
        411 => CloudFsErrorKind.LengthRequired,
        412 => CloudFsErrorKind.PreconditionFailed,
        413 => CloudFsErrorKind.RequestEntityTooLarge,
        416 => CloudFsErrorKind.RangeNotSatisfiable,
        422 => CloudFsErrorKind.UnprocessableEntity,
        408 => CloudFsErrorKind.RequestTimeout,
        499 => CloudFsErrorKind.ClientClosedRequest,
        507 => CloudFsErrorKind.InsufficientStorage,
        _ => CloudFsErrorKind.ServiceUnavailable,
    };

    /// <summary>The role server's answer as an error, keeping its text/plain message.</summary>
    public static CloudFsError ToError(BackendResponse response)
    {
        // A message is passed on; a stock HTML page is made again here for the proxy's own status.
        var message = response.Body.Length > 0 && !response.Body.StartsWith("<html>", StringComparison.OrdinalIgnoreCase)
            && !response.Body.StartsWith('{') ? response.Body : null;
        return new CloudFsError(FromStatus(response.Status), message);
    }
}
