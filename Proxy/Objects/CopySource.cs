using CloudFs.Common.Paths;
using CloudFs.Common.Results;
using CloudFs.Proxy.Paths;

namespace CloudFs.Proxy.Objects;

/// <summary>Parses <c>X-Copy-From</c> and <c>Destination</c>: <c>[/]container/object</c>, percent-encoded.</summary>
public static class CopySource
{
    public static Outcome<ResourcePath> Parse(string header, string value, string account)
    {
        var form = new CloudFsError(CloudFsErrorKind.PreconditionFailed, $"{header} header must be of the form <container name>/<object name>");
        if (!PercentDecoding.TryDecodeName(value, out var decoded))
        {
            return new CloudFsError(CloudFsErrorKind.PreconditionFailed, "Invalid UTF8 or contains NULL");
        }

        var text = decoded.StartsWith('/') ? decoded[1..] : decoded;
        var slash = text.IndexOf('/', StringComparison.Ordinal);
        if (slash <= 0 || slash == text.Length - 1)
        {
            return form;
        }

        return new ResourcePath(account, text[..slash], text[(slash + 1)..], "");
    }
}
