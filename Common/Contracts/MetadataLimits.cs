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
            return Plain("Metadata name cannot be empty");
        }

        if (Encoding.UTF8.GetByteCount(name) > SwiftLimits.MaxMetaNameLength)
        {
            return Plain($"Metadata name too long: {prefix}{SwiftKey(prefix, name)}");
        }

        return Encoding.UTF8.GetByteCount(value) > SwiftLimits.MaxMetaValueLength
            ? Plain($"Metadata value longer than {SwiftLimits.MaxMetaValueLength}: {prefix}{SwiftKey(prefix, name)}")
            : null;
    }

    /// <summary>The number of items and the bytes of their names and values so far.</summary>
    public static CloudFsError? CheckTotals(int count, int size)
    {
        if (count > SwiftLimits.MaxMetaCount)
        {
            return Plain($"Too many metadata items; max {SwiftLimits.MaxMetaCount}");
        }

        return size > SwiftLimits.MaxMetaOverallSize ? Plain($"Total metadata too large; max {SwiftLimits.MaxMetaOverallSize}") : null;
    }

    // Swift's check_metadata answers text/plain, unlike its other errors.
    private static CloudFsError Plain(string message) => CloudFsError.Plain(CloudFsErrorKind.BadRequest, message);

    // Swift names the item as WSGI gave it: the whole header title-cased, the prefix then lower-cased.
    private static string SwiftKey(string prefix, string name) => HeaderCase.Title(prefix + name)[prefix.Length..];

    public static int Size(string name, string value) => Encoding.UTF8.GetByteCount(name) + Encoding.UTF8.GetByteCount(value);
}
