using System.Globalization;
using CloudFs.Common.Results;

namespace CloudFs.Proxy.Objects;

/// <summary>X-Delete-At and X-Delete-After as Swift checks them; After becomes At.</summary>
public static class DeleteAtHeaders
{
    /// <summary>The absolute expiry (unix seconds), null when neither header is given.</summary>
    public static Outcome<long?> Resolve(string? deleteAt, string? deleteAfter, long nowSeconds)
    {
        if (!string.IsNullOrEmpty(deleteAfter))
        {
            if (!long.TryParse(deleteAfter, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var after))
            {
                return CloudFsError.BadRequest("Non-integer X-Delete-After");
            }

            return after < 0 ? CloudFsError.BadRequest("X-Delete-After in past") : new Outcome<long?>(nowSeconds + after, null);
        }

        if (!string.IsNullOrEmpty(deleteAt))
        {
            if (!long.TryParse(deleteAt, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var at))
            {
                return CloudFsError.BadRequest("Non-integer X-Delete-At");
            }

            return at <= nowSeconds ? CloudFsError.BadRequest("X-Delete-At in past") : new Outcome<long?>(at, null);
        }

        return new Outcome<long?>(null, null);
    }
}
