using System.Security.Cryptography;
using System.Text;

namespace CloudFs.EndToEndTests.Conformance;

/// <summary>
/// The HMAC signatures a tempurl or formpost client computes (test side only, so a case can
/// say "signed with this key" and the replay signs it as the recorder did): hex by default,
/// or "digest:" + URL-safe base64 without padding.
/// </summary>
public static class SwiftSignatures
{
    public static string Sign(string key, string message, string digest, string encoding)
    {
        var keyBytes = Encoding.UTF8.GetBytes(key);
        var data = Encoding.UTF8.GetBytes(message);
        var raw = digest switch
        {
            "sha1" => HMACSHA1.HashData(keyBytes, data),
            "sha256" => HMACSHA256.HashData(keyBytes, data),
            "sha512" => HMACSHA512.HashData(keyBytes, data),
            "md5" => HMACMD5.HashData(keyBytes, data),
            _ => throw new ArgumentException($"unknown digest {digest}", nameof(digest)),
        };
        return encoding == "base64"
            ? digest + ":" + Convert.ToBase64String(raw).TrimEnd('=').Replace('+', '-').Replace('/', '_')
            : Convert.ToHexStringLower(raw);
    }

    /// <summary>tempurl: "[ip=RANGE\n]METHOD\nEXPIRES\nPATH", PATH being "prefix:/v1/a/c/PREFIX" for a prefix URL.</summary>
    public static string TempUrlMessage(string method, long expires, string path, string? prefix, string? ip)
    {
        var signed = prefix is null ? path : "prefix:" + string.Join('/', path.Split('/').Take(4)) + "/" + prefix;
        var message = $"{method}\n{expires}\n{signed}";
        return ip is null ? message : $"ip={ip}\n{message}";
    }

    /// <summary>formpost: "PATH\nREDIRECT\nMAX_FILE_SIZE\nMAX_FILE_COUNT\nEXPIRES".</summary>
    public static string FormPostMessage(string path, string redirect, long maxFileSize, long maxFileCount, long expires) =>
        $"{path}\n{redirect}\n{maxFileSize}\n{maxFileCount}\n{expires}";
}
