using CloudFs.Common.Results;

namespace CloudFs.ContainerServer.Core;

/// <summary>
/// A functional URL on the container server: <c>/{device}/{partition}/{account}</c>, plus
/// <c>/{container}</c> and <c>/{object}</c> (which may itself hold '/', even leading,
/// doubled or trailing). Segments are percent-decoded exactly once, from the raw target.
/// </summary>
public sealed record BackendPath(string Device, string Partition, string Account, string? Container, string? Object)
{
    /// <summary>Parses the raw (still percent-encoded) path, without the query string.</summary>
    public static (BackendPath? Path, CloudFsError? Error) Parse(string rawPath)
    {
        var text = rawPath.StartsWith('/') ? rawPath[1..] : rawPath;
        var parts = text.Split('/', 5);
        if (parts.Length < 3 || parts[0].Length == 0 || parts[1].Length == 0 || parts[2].Length == 0)
        {
            return (null, CloudFsError.BadRequest("Invalid path: /{device}/{partition}/{account}[/{container}[/{object}]]"));
        }

        var decoded = new string?[5];
        for (var i = 0; i < parts.Length; i++)
        {
            if (!PercentDecoding.TryDecode(parts[i], plusIsSpace: false, out var segment) || segment.Contains('\0'))
            {
                return (null, new CloudFsError(CloudFsErrorKind.PreconditionFailed, "Invalid UTF8 or contains NULL"));
            }

            decoded[i] = segment;
        }

        var container = decoded[3] is { Length: > 0 } c ? c : null;
        if (container is null && decoded[4] is not null)
        {
            return (null, CloudFsError.BadRequest("Invalid path: empty container name"));
        }

        var obj = container is not null && decoded[4] is { Length: > 0 } o ? o : null;
        return (new BackendPath(decoded[0]!, decoded[1]!, decoded[2]!, container, obj), null);
    }
}
