using CloudFs.Common.Results;
using Microsoft.AspNetCore.Http;

namespace CloudFs.Common.Hosting;

/// <summary>
/// Error answers of every role: the status from <see cref="ErrorStatus"/>, bodies as Swift's (swob): the given
/// message, or Swift's stock page for the status, both sent as text/html as Swift does unless the error names its own type.
/// </summary>
public static class ErrorResults
{
    public static IResult From(CloudFsError error)
    {
        var status = ErrorStatus.ToStatus(error.Kind);
        return error.Message is { Length: > 0 } message
            ? new SwiftTextResult(message, error.ContentType ?? "text/html; charset=UTF-8", status)
            : new SwiftTextResult(SwiftErrorPages.For(status), error.ContentType ?? "text/html; charset=UTF-8", status, stockPage: true);
    }
}
