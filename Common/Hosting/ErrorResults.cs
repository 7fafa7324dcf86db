using CloudFs.Common.Results;
using Microsoft.AspNetCore.Http;

namespace CloudFs.Common.Hosting;

/// <summary>
/// The one table from error kinds to HTTP statuses. Bodies follow Swift (swob): the given
/// message, or Swift's stock page for the status, both sent as text/html as Swift does.
/// </summary>
public static class ErrorResults
{
    public static int StatusCode(CloudFsErrorKind kind) => kind switch
    {
        CloudFsErrorKind.BadRequest => StatusCodes.Status400BadRequest,
        CloudFsErrorKind.Unauthorized => StatusCodes.Status401Unauthorized,
        CloudFsErrorKind.Forbidden => StatusCodes.Status403Forbidden,
        CloudFsErrorKind.NotFound => StatusCodes.Status404NotFound,
        CloudFsErrorKind.MethodNotAllowed => StatusCodes.Status405MethodNotAllowed,
        CloudFsErrorKind.NotAcceptable => StatusCodes.Status406NotAcceptable,
        CloudFsErrorKind.Conflict => StatusCodes.Status409Conflict,
        CloudFsErrorKind.LengthRequired => StatusCodes.Status411LengthRequired,
        CloudFsErrorKind.PreconditionFailed => StatusCodes.Status412PreconditionFailed,
        CloudFsErrorKind.RequestEntityTooLarge => StatusCodes.Status413PayloadTooLarge,
        CloudFsErrorKind.RangeNotSatisfiable => StatusCodes.Status416RangeNotSatisfiable,
        CloudFsErrorKind.UnprocessableEntity => StatusCodes.Status422UnprocessableEntity,
        CloudFsErrorKind.RequestTimeout => StatusCodes.Status408RequestTimeout,
        CloudFsErrorKind.ClientClosedRequest => 499,
        CloudFsErrorKind.InsufficientStorage => StatusCodes.Status507InsufficientStorage,
        CloudFsErrorKind.ServiceUnavailable => StatusCodes.Status503ServiceUnavailable,
        _ => StatusCodes.Status500InternalServerError,
    };

    public static IResult From(CloudFsError error)
    {
        var status = StatusCode(error.Kind);
        return error.Message is { Length: > 0 } message
            ? Microsoft.AspNetCore.Http.Results.Text(message, "text/html; charset=UTF-8", statusCode: status)
            : Microsoft.AspNetCore.Http.Results.Text(SwiftErrorPages.For(status), "text/html; charset=UTF-8", statusCode: status);
    }
}
