namespace CloudFs.Common.Results;

/// <summary>
/// The expected ways an operation can fail. Core code returns these; only
/// <c>ErrorStatus</c> turns them into HTTP status codes (and back).
/// </summary>
public enum CloudFsErrorKind
{
    BadRequest,
    Unauthorized,
    Forbidden,
    NotFound,
    MethodNotAllowed,
    NotAcceptable,
    Conflict,
    LengthRequired,
    PreconditionFailed,
    RequestEntityTooLarge,
    RangeNotSatisfiable,
    UnprocessableEntity,
    TooManyRequests,
    RequestTimeout,
    ClientClosedRequest,
    InsufficientStorage,
    ServiceUnavailable,
    Internal,
    NotImplemented,
}
