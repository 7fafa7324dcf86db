using System.Text.RegularExpressions;

namespace CloudFs.Common.Hosting;

/// <summary>
/// A query string as the request log shows it: a TempURL signature is a credential until it
/// expires, so its value is masked; everything else is kept for tracing.
/// </summary>
public static partial class LoggedQuery
{
    public static string Mask(string query) =>
        query.Contains("sig", StringComparison.OrdinalIgnoreCase) ? Signature().Replace(query, "$1***") : query;

    [GeneratedRegex(@"(?i)([?&](?:temp_url_sig|signature)=)[^&]*")]
    private static partial Regex Signature();
}
