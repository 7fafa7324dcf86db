using System.Text;
using CloudFs.Common.Contracts;
using CloudFs.Common.Paths;
using CloudFs.Common.Results;

namespace CloudFs.Proxy.Paths;

/// <summary>
/// Parses the raw request target of a Swift API call the way Swift's proxy does: the path is
/// percent-decoded exactly once (a malformed escape stays literal, as Python's unquote leaves
/// it), must be UTF-8 without NUL (412), starts with an API version (v1 or v1.0, else 400),
/// and names an account, optionally a container, optionally an object (anything else: 412
/// "Bad URL"). Names longer than Swift's limits, counted in UTF-8 bytes, are 400.
/// </summary>
public static class ResourcePathParser
{
    public static Outcome<ResourcePath> Parse(string rawTarget)
    {
        var q = rawTarget.IndexOf('?', StringComparison.Ordinal);
        var rawPath = q >= 0 ? rawTarget[..q] : rawTarget;
        var query = q >= 0 ? rawTarget[q..] : "";
        if (!PercentDecoding.TryDecodeName(rawPath, out var path))
        {
            return new CloudFsError(CloudFsErrorKind.PreconditionFailed, "Invalid UTF8 or contains NULL");
        }

        var segments = path.Split('/', 5);
        if (segments[0].Length != 0 || segments.Length < 2 || segments[1].Length == 0)
        {
            return CloudFsError.NotFound();
        }

        var account = segments.Length > 2 ? segments[2] : "";
        var container = segments.Length > 3 ? segments[3] : "";
        var obj = segments.Length > 4 ? segments[4] : null;
        if (account.Length > 0 && segments[1] is not ("v1" or "v1.0"))
        {
            return new CloudFsError(CloudFsErrorKind.BadRequest);
        }

        if (account.Length == 0 || (container.Length == 0 && !string.IsNullOrEmpty(obj)))
        {
            return new CloudFsError(CloudFsErrorKind.PreconditionFailed, "Bad URL");
        }

        if (Encoding.UTF8.GetByteCount(account) is var a and > SwiftLimits.MaxAccountNameLength)
        {
            return CloudFsError.BadRequest($"Account name length of {a} longer than {SwiftLimits.MaxAccountNameLength}");
        }

        if (Encoding.UTF8.GetByteCount(container) is var c and > SwiftLimits.MaxContainerNameLength)
        {
            return CloudFsError.BadRequest($"Container name length of {c} longer than {SwiftLimits.MaxContainerNameLength}");
        }

        if (obj is not null && Encoding.UTF8.GetByteCount(obj) is var o and > SwiftLimits.MaxObjectNameLength)
        {
            return CloudFsError.Plain(CloudFsErrorKind.BadRequest, $"Object name length of {o} longer than {SwiftLimits.MaxObjectNameLength}");
        }

        return new ResourcePath(account, container.Length == 0 ? null : container, string.IsNullOrEmpty(obj) ? null : obj, query);
    }
}
