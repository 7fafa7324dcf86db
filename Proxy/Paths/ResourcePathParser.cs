using System.Text;
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
    public const int MaxAccountNameLength = 256;
    public const int MaxContainerNameLength = 256;
    public const int MaxObjectNameLength = 1024;

    private static readonly UTF8Encoding StrictUtf8 = new(false, throwOnInvalidBytes: true);

    public static Outcome<ResourcePath> Parse(string rawTarget)
    {
        var q = rawTarget.IndexOf('?', StringComparison.Ordinal);
        var rawPath = q >= 0 ? rawTarget[..q] : rawTarget;
        var query = q >= 0 ? rawTarget[q..] : "";
        if (!TryDecode(rawPath, out var path))
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

        if (Encoding.UTF8.GetByteCount(account) is var a and > MaxAccountNameLength)
        {
            return CloudFsError.BadRequest($"Account name length of {a} longer than {MaxAccountNameLength}");
        }

        if (Encoding.UTF8.GetByteCount(container) is var c and > MaxContainerNameLength)
        {
            return CloudFsError.BadRequest($"Container name length of {c} longer than {MaxContainerNameLength}");
        }

        if (obj is not null && Encoding.UTF8.GetByteCount(obj) is var o and > MaxObjectNameLength)
        {
            return CloudFsError.BadRequest($"Object name length of {o} longer than {MaxObjectNameLength}");
        }

        return new ResourcePath(account, container.Length == 0 ? null : container, string.IsNullOrEmpty(obj) ? null : obj, query);
    }

    /// <summary>Decodes %XX escapes once into bytes and reads them as strict UTF-8; false on bad UTF-8 or NUL.</summary>
    public static bool TryDecode(string raw, out string value)
    {
        value = "";
        var bytes = new byte[Encoding.UTF8.GetByteCount(raw)];
        var n = 0;
        var run = 0;
        for (var i = 0; i <= raw.Length; i++)
        {
            var escape = i < raw.Length && raw[i] == '%' && i + 2 < raw.Length && Uri.IsHexDigit(raw[i + 1]) && Uri.IsHexDigit(raw[i + 2]);
            if (i == raw.Length || escape)
            {
                // Literal characters (ASCII, or text the server already decoded) are UTF-8 encoded as they are.
                n += Encoding.UTF8.GetBytes(raw.AsSpan(run, i - run), bytes.AsSpan(n));
                if (escape)
                {
                    bytes[n++] = (byte)((HexValue(raw[i + 1]) << 4) | HexValue(raw[i + 2]));
                    i += 2;
                    run = i + 1;
                }
            }
        }

        try
        {
            value = StrictUtf8.GetString(bytes, 0, n);
        }
        catch (DecoderFallbackException)
        {
            return false;
        }

        return !value.Contains('\0', StringComparison.Ordinal);
    }

    private static int HexValue(char c) => c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10;
}
