using System.Globalization;
using System.Text;
using CloudFs.Common.Results;

namespace CloudFs.Common.Paths;

/// <summary>
/// A functional URL path on an account or container server:
/// <c>/{device}/{partition}/{account}[/{container}[/{object}]]</c>. Every segment is
/// percent-encoded UTF-8 on the wire and decoded exactly once here; the object name keeps its
/// slashes (even leading, doubled or trailing ones, as Swift allows).
/// </summary>
public sealed record BackendPath(string Device, long Partition, string Account, string? Container, string? Object)
{
    private const string Shape = "Invalid path: /{device}/{partition}/{account}[/{container}[/{object}]]";

    /// <summary>
    /// Parses the raw (still encoded) request target, after an optional fixed prefix such as
    /// "/admit". A bad shape is 400; bad UTF-8 or a NUL is 412, as Swift answers.
    /// </summary>
    public static Outcome<BackendPath> Parse(string rawTarget, string prefix = "")
    {
        var query = rawTarget.IndexOf('?', StringComparison.Ordinal);
        var path = query >= 0 ? rawTarget.AsSpan(0, query) : rawTarget.AsSpan();
        if (!path.StartsWith(prefix + "/", StringComparison.Ordinal))
        {
            return CloudFsError.BadRequest(Shape);
        }

        var parts = path[(prefix.Length + 1)..].ToString().Split('/', 5);
        if (parts.Length < 3 || parts[0].Length == 0 || parts[2].Length == 0
            || !long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var partition))
        {
            return CloudFsError.BadRequest(Shape);
        }

        var decoded = new string?[5];
        for (var i = 0; i < parts.Length; i++)
        {
            if (!PercentDecoding.TryDecodeName(parts[i], out var segment))
            {
                return new CloudFsError(CloudFsErrorKind.PreconditionFailed, "Invalid UTF8 or contains NULL");
            }

            decoded[i] = segment;
        }

        var account = decoded[2]!;
        var container = decoded[3] is { Length: > 0 } c ? c : null;
        // A container name with an encoded '/' is left for the caller: reads find nothing (404, as in Swift), writes refuse it.
        if (account.Contains('/', StringComparison.Ordinal))
        {
            return CloudFsError.BadRequest(Shape);
        }

        if (container is null && decoded[4] is not null)
        {
            return CloudFsError.BadRequest("Invalid path: empty container name");
        }

        var obj = decoded[4] is { Length: > 0 } o ? o : null;
        return new BackendPath(decoded[0]!, partition, account, container, obj);
    }

    /// <summary>The encoded path, each segment escaped (object slashes kept).</summary>
    public string Format(string prefix = "")
    {
        var sb = new StringBuilder(prefix).Append('/').Append(Encode(Device)).Append('/')
            .Append(Partition.ToString(CultureInfo.InvariantCulture)).Append('/').Append(Encode(Account));
        if (Container is not null)
        {
            sb.Append('/').Append(Encode(Container));
            if (Object is not null)
            {
                sb.Append('/').Append(string.Join('/', Object.Split('/').Select(Encode)));
            }
        }

        return sb.ToString();
    }

    private static string Encode(string segment) => Uri.EscapeDataString(segment);
}
