namespace CloudFs.Common.Results;

/// <summary>An expected failure with an optional message for the client.</summary>
public sealed record CloudFsError(CloudFsErrorKind Kind, string? Message = null)
{
    /// <summary>The answer's type when not Swift's usual text/html (its metadata checks answer text/plain).</summary>
    public string? ContentType { get; init; }

    public static CloudFsError BadRequest(string message) => new(CloudFsErrorKind.BadRequest, message);

    /// <summary>An error Swift answers as text/plain (its request constraint checks do).</summary>
    public static CloudFsError Plain(CloudFsErrorKind kind, string message) => new(kind, message) { ContentType = "text/plain" };

    public static CloudFsError NotFound(string? message = null) => new(CloudFsErrorKind.NotFound, message);

    public static CloudFsError Conflict(string? message = null) => new(CloudFsErrorKind.Conflict, message);

    public static CloudFsError InsufficientStorage(string? message = null) =>
        new(CloudFsErrorKind.InsufficientStorage, message);
}
