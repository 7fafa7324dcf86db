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
    public const string IfDeleteAt = "X-If-Delete-At";

    /// <summary>Swift's latest expiry (normalize_delete_at_timestamp): a later one is stored as this.</summary>
    public const long Latest = 9_999_999_999;

    private const NumberStyles Integer = NumberStyles.AllowLeadingSign | NumberStyles.AllowLeadingWhite | NumberStyles.AllowTrailingWhite;

    /// <summary>The absolute expiry (unix seconds), null when neither header is given.</summary>
    public static Outcome<long?> Resolve(string? deleteAt, string? deleteAfter, long nowSeconds)
    {
        if (!string.IsNullOrEmpty(deleteAfter))
        {
            if (!TryParse(deleteAfter, out var after))
            {
                return CloudFsError.Plain(CloudFsErrorKind.BadRequest, "Non-integer X-Delete-After");
            }

            // Swift: now + 0 truncated to whole seconds is not after now (recorded: object/delete-after-zero).
            return after <= 0 ? CloudFsError.Plain(CloudFsErrorKind.BadRequest, "X-Delete-After in past") : Outcome<long?>.Success(Math.Min(Latest, nowSeconds + Math.Min(after, Latest)));
        }

        if (!string.IsNullOrEmpty(deleteAt))
        {
            if (!TryParse(deleteAt, out var at))
            {
                return CloudFsError.Plain(CloudFsErrorKind.BadRequest, "Non-integer X-Delete-At");
            }

            return at <= nowSeconds ? CloudFsError.Plain(CloudFsErrorKind.BadRequest, "X-Delete-At in past") : Outcome<long?>.Success(Math.Min(at, Latest));
        }

        return Outcome<long?>.Success(null);
    }

    /// <summary>An already resolved X-Delete-At as a role server receives it; null when absent.</summary>
    public static Outcome<long?> ParseResolved(string? deleteAt) =>
        deleteAt is null ? Outcome<long?>.Success(null)
        : TryParse(deleteAt, out var at) && at > 0 ? Outcome<long?>.Success(at)
        : CloudFsError.Plain(CloudFsErrorKind.BadRequest, "Non-integer X-Delete-At");

    /// <summary>
    /// DELETE's X-If-Delete-At against the object's expiry (0 when none or no object), as Swift's
    /// object server checks it; null when the header is absent or matches.
    /// </summary>
    public static CloudFsError? CheckIfDeleteAt(string? ifDeleteAt, long? current)
    {
        if (ifDeleteAt is null)
        {
            return null;
        }

        if (!TryParse(ifDeleteAt, out var wanted))
        {
            return CloudFsError.BadRequest("Bad X-If-Delete-At header value");
        }

        return wanted == (current ?? 0) ? null : new CloudFsError(CloudFsErrorKind.PreconditionFailed, "X-If-Delete-At and X-Delete-At do not match");
    }

    /// <summary>Python's <c>int()</c>: an integer of any size, held to the 64-bit range (Swift clamps it further).</summary>
    public static bool TryParse(string text, out long seconds)
    {
        if (long.TryParse(text, Integer, CultureInfo.InvariantCulture, out seconds))
        {
            return true;
        }

        if (!System.Numerics.BigInteger.TryParse(text, Integer, CultureInfo.InvariantCulture, out var big))
        {
            return false;
        }

        seconds = big.Sign > 0 ? long.MaxValue : long.MinValue;
        return true;
    }
}
