using System.Globalization;
using CloudFs.Common.Results;

namespace CloudFs.Common.Contracts;

/// <summary>
/// X-Delete-At and X-Delete-After as Swift reads them (Python's <c>int()</c>: optional sign,
/// surrounding blanks, any size up to 64 bits). The proxy turns After into At; the account
/// server reads the At the proxy forwards with the same rule.
/// </summary>
public static class DeleteAtHeaders
{
    public const string At = "X-Delete-At";
    public const string After = "X-Delete-After";
    public const string Remove = "X-Remove-Delete-At";

    private const NumberStyles Integer = NumberStyles.AllowLeadingSign | NumberStyles.AllowLeadingWhite | NumberStyles.AllowTrailingWhite;

    /// <summary>The absolute expiry (unix seconds), null when neither header is given.</summary>
    public static Outcome<long?> Resolve(string? deleteAt, string? deleteAfter, long nowSeconds)
    {
        if (!string.IsNullOrEmpty(deleteAfter))
        {
            if (!TryParse(deleteAfter, out var after))
            {
                return CloudFsError.BadRequest("Non-integer X-Delete-After");
            }

            return after < 0 ? CloudFsError.BadRequest("X-Delete-After in past") : Outcome<long?>.Success(nowSeconds + after);
        }

        if (!string.IsNullOrEmpty(deleteAt))
        {
            if (!TryParse(deleteAt, out var at))
            {
                return CloudFsError.BadRequest("Non-integer X-Delete-At");
            }

            return at <= nowSeconds ? CloudFsError.BadRequest("X-Delete-At in past") : Outcome<long?>.Success(at);
        }

        return Outcome<long?>.Success(null);
    }

    /// <summary>An already resolved X-Delete-At as a role server receives it; null when absent.</summary>
    public static Outcome<long?> ParseResolved(string? deleteAt) =>
        deleteAt is null ? Outcome<long?>.Success(null)
        : TryParse(deleteAt, out var at) && at > 0 ? Outcome<long?>.Success(at)
        : CloudFsError.BadRequest("Non-integer X-Delete-At");

    public static bool TryParse(string text, out long seconds) => long.TryParse(text, Integer, CultureInfo.InvariantCulture, out seconds);
}
