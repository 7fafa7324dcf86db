using CloudFs.Common.Results;

namespace CloudFs.AccountServer.Core;

/// <summary>
/// The account quota an account POST asks for. Two spellings set the same exact quota:
/// CloudFs's X-Account-Quota-Bytes/-Count and Swift's account_quotas metadata key
/// X-Account-Meta-Quota-Bytes (cleared by X-Remove-Account-Meta-Quota-Bytes). Swift's key
/// follows Swift's middleware: anyone but a reseller admin (here a cluster admin) is refused
/// with 403 whatever the value, before the value is looked at; an admin's value must be
/// digits or empty, else 400 with swob's stock page.
/// </summary>
public static class AccountQuotaRequest
{
    public const string SwiftBytesHeader = "X-Account-Meta-Quota-Bytes";
    public const string SwiftRemoveBytesHeader = "X-Remove-Account-Meta-Quota-Bytes";

    /// <param name="header">The request's value of a header by name, null when absent.</param>
    public static Outcome<QuotaHeaders> Parse(Caller caller, Func<string, string?> header)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(header);
        var swiftBytes = header(SwiftBytesHeader);
        var swiftRemove = header(SwiftRemoveBytesHeader) is not null;
        if ((swiftBytes is not null || swiftRemove) && !caller.IsAdmin)
        {
            return Access.Forbidden();
        }

        // X-Remove dominates when both are sent, as in Swift.
        var swift = swiftRemove ? "" : swiftBytes;
        if (swift is { Length: > 0 } && QuotaValue.Parse(swift) is null)
        {
            return new CloudFsError(CloudFsErrorKind.BadRequest);
        }

        // CloudFs's own header wins over Swift's key when a request carries both.
        return QuotaHeaders.Parse(header(AccountService.QuotaBytesHeader) ?? swift, header(AccountService.QuotaCountHeader));
    }
}
