using CloudFs.Common.Results;

namespace CloudFs.Common.Contracts;

/// <summary>
/// Swift's <c>check_content_type</c> on an object PUT: the <c>swift_*</c> Content-Type parameters
/// (<c>swift_bytes</c>) are the middlewares' own, so a client that sends one is refused (400).
/// </summary>
public static class ClientContentType
{
    public const string ReservedParameter = "Invalid Content-Type, swift_* is not a valid parameter name.";

    /// <summary>The error for a client Content-Type, null when it may be stored.</summary>
    public static CloudFsError? Check(string? contentType)
    {
        if (string.IsNullOrEmpty(contentType) || !contentType.Contains(';', StringComparison.Ordinal))
        {
            return null;
        }

        // As Swift: every parameter after the first ';', leading blanks dropped, compared case-sensitively.
        foreach (var parameter in contentType.Split(';').Skip(1))
        {
            if (parameter.TrimStart().StartsWith("swift_", StringComparison.Ordinal))
            {
                return CloudFsError.BadRequest(ReservedParameter);
            }
        }

        return null;
    }
}
