using System.Globalization;
using CloudFs.Common.Contracts;
using CloudFs.Proxy.Symlinks;

namespace CloudFs.Proxy.Objects;

/// <summary>The headers Swift sends with an object's GET and HEAD, from its catalog record.</summary>
public static class ObjectHeaders
{
    public static IEnumerable<KeyValuePair<string, string>> For(ObjectRecord record)
    {
        yield return new("Content-Type", record.ContentType);
        yield return new("ETag", record.Hash);
        yield return new("Last-Modified", record.Timestamp.ToHttpDate());
        yield return new("X-Timestamp", record.Timestamp.ToHeader());
        yield return new("Accept-Ranges", "bytes");
        if (record.DeleteAt is { } at)
        {
            yield return new(DeleteAtHeaders.At, at.ToString(CultureInfo.InvariantCulture));
        }

        foreach (var (name, value) in record.Meta)
        {
            yield return new("X-Object-Meta-" + HeaderCase.Title(name), value);
        }

        foreach (var header in SystemMetadata.Headers)
        {
            if (record.Sys.TryGetValue(header.ToLowerInvariant(), out var value))
            {
                yield return new(header, value);
            }
        }

        // Only a link answered as itself (?symlink=get) gets here with its target; GET and HEAD follow the others.
        foreach (var header in SymlinkTarget.From(record.Sys)?.ResponseHeaders() ?? [])
        {
            yield return header;
        }
    }

    /// <summary>True for request headers a PUT or POST stores with the object.</summary>
    public static bool IsStored(string name) =>
        name.StartsWith("X-Object-Meta-", StringComparison.OrdinalIgnoreCase)
        || name.StartsWith("X-Remove-Object-Meta-", StringComparison.OrdinalIgnoreCase)
        || SystemMetadata.IsSystem(name);
}
