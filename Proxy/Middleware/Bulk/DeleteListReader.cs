using CloudFs.Common.Contracts;

namespace CloudFs.Proxy.Middleware.Bulk;

/// <summary>
/// Reads a bulk-delete body: newline-separated, percent-encoded <c>container/object</c> or
/// <c>container</c> names, each stripped of surrounding white space then decoded. Swift's
/// limits, checked as Swift checks them while reading: more than
/// <c>max_deletes_per_request</c> names is 413, and a pending line longer than twice the
/// longest possible path is 400 "Invalid File Name".
/// </summary>
public static class DeleteListReader
{
    /// <summary>Swift's max_path_length: the longest object name plus container name plus two slashes.</summary>
    public const int MaxPathLength = SwiftLimits.MaxObjectNameLength + SwiftLimits.MaxContainerNameLength + 2;

    /// <summary>The decoded names, as bytes (they need not be UTF-8; such names fail later, one by one).</summary>
    public static async Task<List<byte[]>> ReadAsync(Stream body, int maxDeletes, CancellationToken ct)
    {
        var names = new List<byte[]>();
        var line = new List<byte>();
        var chunk = new byte[MaxPathLength];
        var more = true;
        while (more)
        {
            var newline = line.IndexOf((byte)'\n');
            if (newline >= 0)
            {
                names.Add(Decode(line.GetRange(0, newline)));
                line.RemoveRange(0, newline + 1);
            }
            else
            {
                var n = await ReadChunkAsync(body, chunk, ct);
                if (n > 0)
                {
                    line.AddRange(chunk.AsSpan(0, n));
                }
                else
                {
                    more = false;
                    if (Decode(line) is { Length: > 0 } last)
                    {
                        names.Add(last);
                    }
                }
            }

            if (names.Count > maxDeletes)
            {
                throw new BulkFailure(413, $"Maximum Bulk Deletes: {maxDeletes} per request");
            }

            if (line.Count > MaxPathLength * 2)
            {
                throw new BulkFailure(400, "Invalid File Name");
            }
        }

        return names;
    }

    /// <summary>Python's bytes.strip() (ASCII white space), then unquote.</summary>
    private static byte[] Decode(List<byte> raw)
    {
        var span = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(raw);
        var stripped = span.Trim(" \t\n\r\v\f"u8);
        return SwiftQuoting.Unquote(stripped);
    }

    // Python's file read(n) returns up to n bytes, fewer only at the end of the body.
    private static async Task<int> ReadChunkAsync(Stream body, byte[] chunk, CancellationToken ct)
    {
        var filled = 0;
        int n;
        while (filled < chunk.Length && (n = await body.ReadAsync(chunk.AsMemory(filled), ct)) > 0)
        {
            filled += n;
        }

        return filled;
    }
}
