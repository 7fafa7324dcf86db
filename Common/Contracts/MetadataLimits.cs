using System.Text;
using CloudFs.Common.Results;

namespace CloudFs.Common.Contracts;

/// <summary>
/// Swift's metadata checks with Swift's messages (<c>check_metadata</c>): each item on its own,
/// then the running count and size. The proxy runs them on a request's headers before reading
/// a body; the account server on the metadata a row ends up with.
/// </summary>
public static class MetadataLimits
{
    public const string ObjectPrefix = "x-object-meta-";

    /// <summary>
    /// A request's metadata headers of one kind (prefix e.g. "x-object-meta-"), checked in
    /// order as Swift does, so the first offence is the one reported.
    /// </summary>
    public static CloudFsError? CheckHeaders(IEnumerable<KeyValuePair<string, string>> headers, string prefix)
    {
        var count = 0;
        var size = 0;
        foreach (var (header, value) in headers)
        {
            if (!header.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var name = header[prefix.Length..];
            count++;
            size += Size(name, value);
            if ((CheckItem(prefix, name, value) ?? CheckTotals(count, size)) is { } error)
            {
                return error;
            }
        }

        return null;
    }

    /// <summary>One item; <paramref name="prefix"/> is the lower-case header prefix, e.g. "x-object-meta-".</summary>
    public static CloudFsError? CheckItem(string prefix, string name, string value)
    {
        if (name.Length == 0)
        {
            return CloudFsError.BadRequest("Metadata name cannot be empty");
        }

        if (Encoding.UTF8.GetByteCount(name) > SwiftLimits.MaxMetaNameLength)
        {
            return CloudFsError.BadRequest($"Metadata name too long: {prefix}{name.ToLowerInvariant()}");
        }

        return Encoding.UTF8.GetByteCount(value) > SwiftLimits.MaxMetaValueLength
            ? CloudFsError.BadRequest($"Metadata value longer than {SwiftLimits.MaxMetaValueLength}: {prefix}{name.ToLowerInvariant()}")
            : null;
    }

    /// <summary>The number of items and the bytes of their names and values so far.</summary>
    public static CloudFsError? CheckTotals(int count, int size)
    {
        if (count > SwiftLimits.MaxMetaCount)
        {
            return CloudFsError.BadRequest($"Too many metadata items; max {SwiftLimits.MaxMetaCount}");
        }

        return size > SwiftLimits.MaxMetaOverallSize ? CloudFsError.BadRequest($"Total metadata too large; max {SwiftLimits.MaxMetaOverallSize}") : null;
    }

    public static int Size(string name, string value) => Encoding.UTF8.GetByteCount(name) + Encoding.UTF8.GetByteCount(value);
}
