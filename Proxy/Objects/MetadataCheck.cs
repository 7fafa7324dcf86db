using System.Text;
using CloudFs.Common.Results;

namespace CloudFs.Proxy.Objects;

/// <summary>
/// Swift's <c>check_metadata</c> for object metadata, done before any body byte is read so an
/// upload that the commit would refuse is never stored: names up to 128 bytes, values up to
/// 256, at most 90 items and 4096 bytes in all, with Swift's messages.
/// </summary>
public static class MetadataCheck
{
    public const int MaxNameLength = 128;
    public const int MaxValueLength = 256;
    public const int MaxCount = 90;
    public const int MaxOverallSize = 4096;
    private const string Prefix = "x-object-meta-";

    public static CloudFsError? Validate(IEnumerable<KeyValuePair<string, string>> headers)
    {
        var count = 0;
        var size = 0;
        foreach (var (name, value) in headers)
        {
            if (!name.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var key = name[Prefix.Length..];
            if (key.Length == 0)
            {
                return CloudFsError.BadRequest("Metadata name cannot be empty");
            }

            var keyBytes = Encoding.UTF8.GetByteCount(key);
            var valueBytes = Encoding.UTF8.GetByteCount(value);
            count++;
            size += keyBytes + valueBytes;
            if (keyBytes > MaxNameLength)
            {
                return CloudFsError.BadRequest($"Metadata name too long: {Prefix}{key.ToLowerInvariant()}");
            }

            if (valueBytes > MaxValueLength)
            {
                return CloudFsError.BadRequest($"Metadata value longer than {MaxValueLength}: {Prefix}{key.ToLowerInvariant()}");
            }

            if (count > MaxCount)
            {
                return CloudFsError.BadRequest($"Too many metadata items; max {MaxCount}");
            }

            if (size > MaxOverallSize)
            {
                return CloudFsError.BadRequest($"Total metadata too large; max {MaxOverallSize}");
            }
        }

        return null;
    }
}
