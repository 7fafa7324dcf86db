using CloudFs.Common.Results;

namespace CloudFs.ContainerServer.Core;

/// <summary>
/// Reads and validates listing parameters the way Swift's account and container servers do
/// (request_helpers.validate_container_params, constrain_req_limit, config_true_value).
/// </summary>
public static class ListingRequest
{
    private static readonly string[] Names = ["marker", "end_marker", "prefix", "delimiter", "path", "format", "reverse", "limit"];

    private static readonly HashSet<string> TrueValues = new(StringComparer.OrdinalIgnoreCase) { "true", "1", "yes", "on", "t", "y" };

    /// <summary>
    /// Parses decoded query parameters (last value wins, as in Swift) and the Accept header.
    /// When no listing format suits the Accept header the error is NotAcceptable (Swift: 406).
    /// </summary>
    public static Outcome<ListingParameters> Parse(
        QueryParameters parameters, string? accept, bool allowPath)
    {
        foreach (var name in Names)
        {
            if (parameters.Invalid.Contains(name))
            {
                return CloudFsError.BadRequest($"\"{name}\" parameter not valid UTF-8");
            }
        }

        var query = parameters.Values;
        query.TryGetValue("format", out var format);
        var chosen = ListingContentType.Choose(format, accept);
        if (!chosen.IsSuccess)
        {
            return chosen.Error;
        }

        var mediaType = chosen.Value;

        var limit = ListingParameters.MaxLimit;
        if (query.TryGetValue("limit", out var given) && given.Length > 0 && given.All(char.IsAsciiDigit))
        {
            var trimmed = given.TrimStart('0');
            if (trimmed.Length > 9 || (trimmed.Length > 0 && int.Parse(trimmed) > ListingParameters.MaxLimit))
            {
                return new CloudFsError(CloudFsErrorKind.PreconditionFailed, $"Maximum limit is {ListingParameters.MaxLimit}");
            }

            limit = trimmed.Length == 0 ? 0 : int.Parse(trimmed);
        }

        var listing = new ListingParameters(
            limit,
            query.GetValueOrDefault("marker") ?? "",
            query.GetValueOrDefault("end_marker") ?? "",
            query.GetValueOrDefault("prefix"),
            query.GetValueOrDefault("delimiter"),
            allowPath ? query.GetValueOrDefault("path") : null,
            query.TryGetValue("reverse", out var reverse) && TrueValues.Contains(reverse),
            ListingContentType.FormatOf(mediaType),
            mediaType,
            FormatGiven: query.ContainsKey("format"));
        return listing;
    }
}
