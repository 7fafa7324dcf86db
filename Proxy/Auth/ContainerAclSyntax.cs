using CloudFs.Common.Results;
using CloudFs.Common.Text;

namespace CloudFs.Proxy.Auth;

/// <summary>
/// tempauth's <c>clean_acl</c>: checks an <c>X-Container-Read</c> / <c>X-Container-Write</c>
/// value and gives the form Swift stores (entries trimmed, empty ones dropped, referrer
/// designations <c>.ref</c>/<c>.referer</c>/<c>.referrer</c> written <c>.r:</c>, a leading
/// <c>*</c> of a domain dropped). A bad value is Swift's 400 with its message.
/// </summary>
public static class ContainerAclSyntax
{
    private static readonly string[] ReferrerDesignators = [".r", ".ref", ".referer", ".referrer"];

    public static Outcome<string> Clean(string headerName, string value)
    {
        ArgumentNullException.ThrowIfNull(headerName);
        ArgumentNullException.ThrowIfNull(value);
        var isWrite = headerName.Contains("write", StringComparison.OrdinalIgnoreCase);
        var values = new List<string>();
        // Trim() is Python's strip() for what a header can hold.
        foreach (var part in value.Split(','))
        {
            var entry = part.Trim();
            if (entry.Length == 0)
            {
                continue;
            }

            var colon = entry.IndexOf(':', StringComparison.Ordinal);
            if (colon < 0)
            {
                values.Add(entry);
                continue;
            }

            var first = entry[..colon].Trim();
            var second = entry[(colon + 1)..].Trim();
            if (first.Length == 0 || !first.StartsWith('.'))
            {
                // A group such as account:user stays as written.
                values.Add(entry);
                continue;
            }

            if (!ReferrerDesignators.Contains(first))
            {
                return CloudFsError.BadRequest($"Unknown designator {PythonRepr.Of(first)} in ACL: {PythonRepr.Of(entry)}");
            }

            if (isWrite)
            {
                return CloudFsError.BadRequest($"Referrers not allowed in write ACL: {PythonRepr.Of(entry)}");
            }

            var negate = second.StartsWith('-');
            if (negate)
            {
                second = second[1..].Trim();
            }

            if (second.Length > 0 && second != "*" && second.StartsWith('*'))
            {
                second = second[1..].Trim();
            }

            if (second.Length == 0 || second == ".")
            {
                return CloudFsError.BadRequest($"No host/domain value after referrer designation in ACL: {PythonRepr.Of(entry)}");
            }

            values.Add(".r:" + (negate ? "-" : "") + second);
        }

        return string.Join(',', values);
    }
}
