using System.Security.Cryptography;
using System.Text;

namespace CloudFs.Proxy.Middleware.TempUrl;

/// <summary>
/// Swift's temp URL / form POST signature math (swift.common.digest): an HMAC of
/// <c>[ip=RANGE\n]METHOD\nEXPIRES\nPATH</c>, sent as hex (the length names the digest) or as
/// <c>algo:base64</c> (standard or URL-safe alphabet).
/// </summary>
public static class TempUrlSignature
{
    /// <summary>Every digest Swift supports; sha1 is deprecated but allowed by default.</summary>
    public static readonly IReadOnlyList<string> Supported = ["sha1", "sha256", "sha512"];

    public static readonly IReadOnlyList<string> Deprecated = ["sha1"];

    /// <summary>The lower-case hex HMAC of the given parts with <paramref name="key"/>.</summary>
    public static string Compute(string method, long expires, string path, string key, string digest, string? ipRange = null)
    {
        var message = $"{method}\n{expires}\n{path}";
        if (!string.IsNullOrEmpty(ipRange))
        {
            message = $"ip={ipRange}\n{message}";
        }

        return Hmac(Encoding.UTF8.GetBytes(message), Encoding.UTF8.GetBytes(key), digest);
    }

    /// <summary>The lower-case hex HMAC of raw bytes (form POST signs its own message).</summary>
    public static string Hmac(byte[] message, byte[] key, string digest)
    {
        var bytes = digest switch
        {
            "sha1" => HMACSHA1.HashData(key, message),
            "sha256" => HMACSHA256.HashData(key, message),
            "sha512" => HMACSHA512.HashData(key, message),
            _ => throw new ArgumentOutOfRangeException(nameof(digest), digest, "Unsupported digest."),
        };
        return Convert.ToHexStringLower(bytes);
    }

    /// <summary>
    /// A client's signature as (digest, lower-case hex), or null when it is not valid hex of a
    /// known length nor <c>algo:base64</c>. The digest name is not checked here: the caller
    /// compares it with its allowed list.
    /// </summary>
    public static (string Digest, string Hex)? Parse(string value)
    {
        var colon = value.IndexOf(':', StringComparison.Ordinal);
        if (colon >= 0)
        {
            var algo = value[..colon];
            var b64 = value[(colon + 1)..];
            if ((b64.Contains('-') || b64.Contains('_')) && !(b64.Contains('+') || b64.Contains('/')))
            {
                b64 = b64.Replace('-', '+').Replace('_', '/');
            }

            return StrictBase64(b64) is { } bytes ? (algo, Convert.ToHexStringLower(bytes)) : null;
        }

        if (value.Length % 2 != 0 || !value.All(Uri.IsHexDigit))
        {
            return null;
        }

        var digest = value.Length switch { 40 => "sha1", 64 => "sha256", 128 => "sha512", _ => (string?)null };
        return digest is null ? null : (digest, value);
    }

    /// <summary>Equal strings, compared in time that does not depend on where they differ.</summary>
    public static bool FixedTimeEquals(string a, string b) =>
        CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(a), Encoding.UTF8.GetBytes(b));

    // Swift's strict_b64decode(value + '=='): padding may be missing, other junk is an error.
    private static byte[]? StrictBase64(string value)
    {
        var trimmed = value.TrimEnd('=');
        if (trimmed.Length % 4 == 1 || !trimmed.All(c => char.IsAsciiLetterOrDigit(c) || c is '+' or '/'))
        {
            return null;
        }

        var padded = trimmed.PadRight((trimmed.Length + 3) / 4 * 4, '=');
        try
        {
            return Convert.FromBase64String(padded);
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
